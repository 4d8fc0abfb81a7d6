package io.drover.agent.checkpoint;

import io.drover.agent.containerizer.ContainerId;
import io.drover.core.FrameworkId;
import io.drover.core.TaskInfo;
import java.nio.file.Path;
import java.util.Optional;

/** A task as the agent checkpointed it: its info, and its run once a container was started for it. */
public record CheckpointedTask(FrameworkId frameworkId, TaskInfo task, Optional<Run> run) {
  /** A run of the task: its container and sandbox. */
  public record Run(ContainerId containerId, Path sandbox) {}
}
