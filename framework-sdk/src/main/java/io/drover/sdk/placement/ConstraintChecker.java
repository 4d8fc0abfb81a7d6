package io.drover.sdk.placement;

import java.util.Optional;

/** Applies each task's own {@link Constraint}s, in order; the first one broken vetoes. */
public final class ConstraintChecker implements Checker {
  public static final String NAME = "constraint";

  /** Most constraints look at other agents too (how many tasks a value holds, which value the group took). */
  @Override
  public boolean isAgentLocal(TaskRequest task) {
    return task.constraints().stream().allMatch(Constraint::isAgentLocal);
  }

  @Override
  public Optional<Veto> check(TaskRequest task, Candidate candidate, RunningTasks running) {
    for (Constraint constraint : task.constraints()) {
      Optional<String> violation = constraint.violation(task, candidate, running);
      if (violation.isPresent()) {
        return Optional.of(new Veto(NAME, violation.get()));
      }
    }
    return Optional.empty();
  }
}
