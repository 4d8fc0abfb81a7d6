package io.drover.agent.task;

import io.drover.core.TaskInfo;
import java.util.Optional;

/** What a containerizer finds wrong with a task before it runs, such as a bad image name; empty when nothing. */
@FunctionalInterface
public interface TaskCheck {
  TaskCheck NONE = task -> Optional.empty();

  Optional<String> problem(TaskInfo task);
}
