package io.drover.agent.update;

import io.drover.core.AgentId;
import io.drover.core.FrameworkId;
import io.drover.core.StatusSource;
import io.drover.core.TaskId;
import io.drover.core.TaskState;
import io.drover.core.TaskStatus;
import io.drover.core.TaskStatusReason;
import java.time.Instant;
import java.util.Optional;

/** Status updates for tests. */
final class Updates {
  static final FrameworkId FRAMEWORK = FrameworkId.of("fw-1");

  private Updates() {}

  static TaskStatus status(String task, TaskState state) {
    return new TaskStatus(
        TaskId.of(task), state, Optional.of(AgentId.of("agent-1")), Optional.empty(), TaskStatusReason.NONE, "", Optional.empty(), StatusSource.SOURCE_AGENT, Instant.EPOCH);
  }

  static StatusUpdate update(String task, TaskState state, String uuid) {
    return new StatusUpdate(FRAMEWORK, status(task, state).withUuid(uuid));
  }

  static StreamKey key(String task) {
    return new StreamKey(FRAMEWORK, TaskId.of(task));
  }
}
