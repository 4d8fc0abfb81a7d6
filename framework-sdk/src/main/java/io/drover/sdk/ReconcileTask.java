package io.drover.sdk;

import io.drover.core.AgentId;
import io.drover.core.TaskId;
import io.drover.core.TaskStatus;
import java.util.Objects;
import java.util.Optional;

/** A task whose state a framework asks the master for, with the agent it last ran on when known. */
public record ReconcileTask(TaskId taskId, Optional<AgentId> agentId) {
  public ReconcileTask {
    Objects.requireNonNull(taskId, "taskId");
    agentId = agentId == null ? Optional.empty() : agentId;
  }

  public static ReconcileTask of(TaskId taskId, AgentId agentId) {
    return new ReconcileTask(taskId, Optional.ofNullable(agentId));
  }

  public static ReconcileTask of(TaskStatus lastKnown) {
    return new ReconcileTask(lastKnown.taskId(), lastKnown.agentId());
  }
}
