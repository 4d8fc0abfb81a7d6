package io.drover.sdk.placement;

import java.util.Optional;
import java.util.TreeSet;

/**
 * Are the candidate's resources of a role the task accepts (Marathon's {@code acceptedResourceRoles})? A
 * resource's role is the role it is reserved for, {@code *} when unreserved; it is not the role the offer
 * was allocated to. A task that names no roles accepts any.
 */
public final class ResourceRolesChecker implements Checker {
  public static final String NAME = "roles";

  @Override
  public boolean isAgentLocal(TaskRequest task) {
    return true;
  }

  @Override
  public Optional<Veto> check(TaskRequest task, Candidate candidate, RunningTasks running) {
    if (task.resourceRoles().isEmpty() || task.resourceRoles().contains(candidate.resourceRole())) {
      return Optional.empty();
    }
    return Optional.of(
        new Veto(NAME, "offered resources are of role '" + candidate.resourceRole() + "', task accepts " + new TreeSet<>(task.resourceRoles())));
  }
}
