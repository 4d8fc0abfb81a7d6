package io.drover.core;

import java.time.Instant;
import java.util.Optional;

/**
 * One status update of a task. {@code uuid} is present when the update must be acknowledged (updates
 * that the agent checkpoints); reconciliation answers carry none.
 */
public record TaskStatus(
    TaskId taskId,
    TaskState state,
    Optional<AgentId> agentId,
    Optional<String> uuid,
    TaskStatusReason reason,
    String message,
    Optional<Boolean> healthy,
    StatusSource source,
    Instant timestamp) {
  public TaskStatus {
    agentId = agentId == null ? Optional.empty() : agentId;
    uuid = uuid == null ? Optional.empty() : uuid;
    reason = reason == null ? TaskStatusReason.NONE : reason;
    message = message == null ? "" : message;
    healthy = healthy == null ? Optional.empty() : healthy;
  }

  public TaskStatus withUuid(String newUuid) {
    return new TaskStatus(taskId, state, agentId, Optional.ofNullable(newUuid), reason, message, healthy, source, timestamp);
  }

  public TaskStatus withReason(TaskStatusReason newReason) {
    return new TaskStatus(taskId, state, agentId, uuid, newReason, message, healthy, source, timestamp);
  }
}
