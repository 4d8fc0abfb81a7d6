package io.drover.sdk.placement;

/** A soft preference among the candidates that passed every checker; higher is better. */
@FunctionalInterface
public interface Scorer {
  /** A score in [0, 1]. */
  double score(TaskRequest task, Candidate candidate, RunningTasks running);

  /** As {@link Checker#isAgentLocal}: whether a score depends only on the task, the candidate and its own agent. */
  default boolean isAgentLocal() {
    return false;
  }
}
