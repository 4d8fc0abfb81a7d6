package io.drover.agent.task;

import io.drover.agent.health.TaskPorts;
import io.drover.core.AgentId;
import io.drover.core.AgentInfo;
import io.drover.core.HealthCheck;
import io.drover.core.InvalidValueException;
import io.drover.core.TaskInfo;
import io.drover.core.TaskState;
import io.drover.core.TaskStatusReason;
import java.util.Optional;
import java.util.Set;

/** Why an agent will not run a task it was sent, as the state, reason and message of the task's update. */
public record TaskRejection(TaskState state, TaskStatusReason reason, String message) {
  /** Checks a task the master sent to this agent; empty when it can be launched. */
  public static Optional<TaskRejection> check(TaskInfo task, AgentId agent, Set<String> capabilities, TaskCheck containerCheck) {
    if (!task.agentId().equals(agent)) {
      return invalid("task " + task.id() + " is for agent " + task.agentId() + ", not for this agent (" + agent + ")");
    }
    if (task.resources().isEmpty()) {
      return invalid("task " + task.id() + " has no resources");
    }
    if (task.container().isEmpty() && task.command().isEmpty()) {
      return invalid("task " + task.id() + " has neither a command nor a container");
    }
    if (task.container().isPresent() && !capabilities.contains(AgentInfo.CAPABILITY_DOCKER)) {
      return Optional.of(
          new TaskRejection(
              TaskState.TASK_FAILED, TaskStatusReason.CONTAINER_LAUNCH_FAILED, "agent has no docker containerizer: no Docker engine answered when it started"));
    }
    if (task.container().isPresent()) {
      Optional<String> problem = containerCheck.problem(task);
      if (problem.isPresent()) {
        return invalid(problem.get());
      }
    }
    return healthCheckProblem(task).flatMap(TaskRejection::invalid);
  }

  /** HTTP and TCP checks probe one of the task's host ports ({@link TaskPorts}), which must exist. */
  private static Optional<String> healthCheckProblem(TaskInfo task) {
    if (task.healthCheck().isEmpty() || task.healthCheck().get().protocol() == HealthCheck.Protocol.COMMAND) {
      return Optional.empty();
    }
    int index = task.healthCheck().get().portIndex();
    int ports;
    try {
      ports = TaskPorts.of(task).size();
    } catch (InvalidValueException e) {
      return Optional.of(e.getMessage());
    }
    if (index >= ports) {
      return Optional.of("task " + task.id() + ": its health check's portIndex " + index + " is beyond its " + ports + " host port(s)");
    }
    return Optional.empty();
  }

  private static Optional<TaskRejection> invalid(String message) {
    return Optional.of(new TaskRejection(TaskState.TASK_ERROR, TaskStatusReason.TASK_INVALID, message));
  }
}
