package io.drover.agent.update;

import io.drover.core.FrameworkId;
import io.drover.core.TaskStatus;

/** A task's status update as the agent delivers it: with its framework, and always with a uuid. */
public record StatusUpdate(FrameworkId frameworkId, TaskStatus status) {
  public StatusUpdate {
    if (status.uuid().isEmpty()) {
      throw new IllegalArgumentException("a status update the agent delivers needs a uuid");
    }
  }

  public StreamKey key() {
    return new StreamKey(frameworkId, status.taskId());
  }

  public String uuid() {
    return status.uuid().orElseThrow();
  }
}
