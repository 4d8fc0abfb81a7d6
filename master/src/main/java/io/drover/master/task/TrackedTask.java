package io.drover.master.task;

import io.drover.core.AgentId;
import io.drover.core.FrameworkId;
import io.drover.core.TaskId;
import io.drover.core.TaskInfo;
import io.drover.core.TaskState;
import io.drover.core.TaskStatus;
import java.util.Optional;

/** A task as the master knows it: what was launched, and the latest state heard of it. */
public record TrackedTask(FrameworkId frameworkId, TaskInfo info, TaskState state, Optional<TaskStatus> latestStatus) {
  public static TrackedTask staging(FrameworkId frameworkId, TaskInfo info) {
    return new TrackedTask(frameworkId, info, TaskState.TASK_STAGING, Optional.empty());
  }

  public TaskId id() {
    return info.id();
  }

  public AgentId agentId() {
    return info.agentId();
  }

  /** Holds its resources on its agent until it is known to have ended. */
  public boolean holdsResources() {
    return !state.isTerminal();
  }

  public TrackedTask withStatus(TaskStatus status) {
    return new TrackedTask(frameworkId, info, status.state(), Optional.of(status));
  }

  /** The state changes without an update from the agent, e.g. to TASK_UNREACHABLE when its agent is lost. */
  public TrackedTask withState(TaskState next) {
    return new TrackedTask(frameworkId, info, next, latestStatus);
  }
}
