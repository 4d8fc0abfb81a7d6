package io.drover.sdk.placement;

import java.util.Optional;

/** A hard rule: may this task go on this candidate? Checkers are pure and cheap ones run first. */
@FunctionalInterface
public interface Checker {
  /** Empty if the task may go there; otherwise the veto saying why not. */
  Optional<Veto> check(TaskRequest task, Candidate candidate, RunningTasks running);

  /**
   * Whether the verdict on a candidate for this task depends only on the task, the candidate and what
   * runs on the candidate's own agent (not on other agents): then a plan judges again only the agent
   * that a placement changed. When unsure, false (the default).
   */
  default boolean isAgentLocal(TaskRequest task) {
    return false;
  }
}
