package io.drover.sdk.placement;

import java.util.Optional;

/**
 * A placement rule that belongs to a task (Marathon's {@code constraints}, such as one instance per
 * host), checked by {@link ConstraintChecker}. Pure: the answer depends only on its arguments.
 */
@FunctionalInterface
public interface Constraint {
  /** Empty if the task may go on the candidate; otherwise why the constraint forbids it. */
  Optional<String> violation(TaskRequest task, Candidate candidate, RunningTasks running);

  /** As {@link Checker#isAgentLocal}: whether the answer depends only on the candidate and its own agent. */
  default boolean isAgentLocal() {
    return false;
  }
}
