package io.drover.agent.task;

import io.drover.core.FrameworkId;
import io.drover.core.TaskInfo;
import io.drover.core.TaskState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A task the agent has forgotten, kept so that its sandbox can still be found (and later collected).
 *
 * @param state its final state
 * @param sandbox its run's sandbox, when it got one
 * @param completedAt when the agent forgot it: its terminal update was acknowledged, or its framework shut down
 */
public record CompletedTask(FrameworkId frameworkId, TaskInfo task, TaskState state, Optional<Path> sandbox, Instant completedAt) {
  /** The task in the shape {@code /state} shows every task in. */
  public TaskView view() {
    return new TaskView(frameworkId, task, state, sandbox.map(Path::toString), Optional.empty());
  }
}
