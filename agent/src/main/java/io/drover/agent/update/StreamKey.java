package io.drover.agent.update;

import io.drover.core.FrameworkId;
import io.drover.core.TaskId;

/** Names one task's stream of status updates; task ids are unique within a framework. */
public record StreamKey(FrameworkId frameworkId, TaskId taskId) {
  @Override
  public String toString() {
    return frameworkId + "/" + taskId;
  }
}
