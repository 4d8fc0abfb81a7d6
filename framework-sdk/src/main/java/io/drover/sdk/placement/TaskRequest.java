package io.drover.sdk.placement;

import io.drover.core.InvalidValueException;
import io.drover.core.Ranges;
import io.drover.core.Resources;
import io.drover.core.TaskId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A task waiting for a place. {@code group} is what spreading counts (an app, a service); {@code
 * resources} may hold fixed host ports, and {@code portCount} asks for that many more, any of the
 * offered ones. {@code resourceRoles} are the roles of resources it may use (empty: any, see {@link
 * ResourceRolesChecker}); {@code constraints} are
 * the task's own placement rules.
 */
public record TaskRequest(
    TaskId taskId, String group, Resources resources, int portCount, Set<String> resourceRoles, List<Constraint> constraints) {
  public TaskRequest {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(resources, "resources");
    if (group == null || group.isBlank()) {
      throw new InvalidValueException("a task request needs a group");
    }
    if (portCount < 0) {
      throw new InvalidValueException("portCount must be >= 0, not " + portCount);
    }
    resourceRoles = Set.copyOf(resourceRoles == null ? Set.of() : resourceRoles);
    constraints = List.copyOf(constraints == null ? List.of() : constraints);
  }

  public static TaskRequest of(TaskId taskId, String group, Resources resources) {
    return new TaskRequest(taskId, group, resources, 0, Set.of(), List.of());
  }

  public TaskRequest withPorts(int count) {
    return new TaskRequest(taskId, group, resources, count, resourceRoles, constraints);
  }

  public TaskRequest withResourceRoles(Set<String> acceptedRoles) {
    return new TaskRequest(taskId, group, resources, portCount, acceptedRoles, constraints);
  }

  public TaskRequest withConstraints(List<Constraint> taskConstraints) {
    return new TaskRequest(taskId, group, resources, portCount, resourceRoles, taskConstraints);
  }

  /** Ports of {@code available} that the task could take for {@link #portCount}: those it does not fix. */
  public Ranges freePorts(Resources available) {
    return available.ports().minus(resources.ports());
  }

  /**
   * What the task takes from {@code available}, which must fit it: its resources plus the lowest free
   * ports it asks for.
   */
  public Resources claim(Resources available) {
    if (portCount == 0) {
      return resources;
    }
    Ranges picked = freePorts(available).first(portCount);
    return Resources.builder().add(resources).ranges(Resources.PORTS, picked).build();
  }
}
