package io.drover.sdk.placement;

import java.util.Optional;

/** A hard rule: may this task go on this candidate? Checkers are pure and cheap ones run first. */
@FunctionalInterface
public interface Checker {
  /** Empty if the task may go there; otherwise the veto saying why not. */
  Optional<Veto> check(TaskRequest task, Candidate candidate, RunningTasks running);
}
