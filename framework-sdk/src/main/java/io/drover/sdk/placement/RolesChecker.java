package io.drover.sdk.placement;

import java.util.Optional;
import java.util.TreeSet;

/**
 * Is the candidate offered for a role the task accepts? A task that names no roles accepts any, and a
 * candidate whose role is not known passes.
 */
public final class RolesChecker implements Checker {
  public static final String NAME = "roles";

  @Override
  public Optional<Veto> check(TaskRequest task, Candidate candidate, RunningTasks running) {
    if (task.roles().isEmpty() || candidate.role().isEmpty() || task.roles().contains(candidate.role().get())) {
      return Optional.empty();
    }
    return Optional.of(
        new Veto(NAME, "offer is for role '" + candidate.role().get() + "', task accepts " + new TreeSet<>(task.roles())));
  }
}
