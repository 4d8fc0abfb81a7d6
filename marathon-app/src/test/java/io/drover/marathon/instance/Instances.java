package io.drover.marathon.instance;

import io.drover.core.AgentId;
import io.drover.core.Attributes;
import io.drover.core.StatusSource;
import io.drover.core.TaskState;
import io.drover.core.TaskStatus;
import io.drover.core.TaskStatusReason;
import io.drover.sdk.placement.TaskSite;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Instances and status updates for tests. */
public final class Instances {
  private Instances() {}

  public static InstanceId id(String appId, int n) {
    return InstanceId.forApp(appId, new UUID(0, n));
  }

  public static TaskSite agent(String name) {
    return new TaskSite(AgentId.of(name), name, Attributes.NONE);
  }

  public static Instance launched(String appId, int n, String version, String agent, Instant at) {
    return Instance.launched(id(appId, n), version, agent(agent), List.of(), at);
  }

  public static TaskStatus status(InstanceId id, TaskState state, Instant at) {
    return new TaskStatus(id.taskId(), state, Optional.of(AgentId.of("a1")), Optional.empty(), TaskStatusReason.NONE, "", Optional.empty(), StatusSource.SOURCE_AGENT, at);
  }

  public static TaskStatus health(InstanceId id, boolean healthy, Instant at) {
    return new TaskStatus(
        id.taskId(), TaskState.TASK_RUNNING, Optional.of(AgentId.of("a1")), Optional.empty(), TaskStatusReason.TASK_HEALTH_CHECK_STATUS_UPDATED, "", Optional.of(healthy), StatusSource.SOURCE_AGENT, at);
  }
}
