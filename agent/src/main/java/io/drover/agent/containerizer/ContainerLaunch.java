package io.drover.agent.containerizer;

import io.drover.agent.checkpoint.AtomicFiles;
import io.drover.core.AgentId;
import io.drover.core.FrameworkId;
import io.drover.core.TaskInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a containerizer needs to start, find again or recover one run of a task. {@code
 * checkpointDir} is the run's own directory under the agent's meta dir, where the containerizer keeps
 * what it needs to re-adopt the container after an agent restart.
 */
public record ContainerLaunch(
    ContainerId containerId, FrameworkId frameworkId, AgentId agentId, TaskInfo task, Path sandbox, Path checkpointDir, String hostname) {
  private static final Logger LOG = LoggerFactory.getLogger(ContainerLaunch.class);
  private static final String KILL_CHECKPOINT = "kill_requested";

  /** Whether a kill of this run was asked for, by this agent or by one before a restart. */
  public boolean killRequested() {
    return Files.exists(checkpointDir.resolve(KILL_CHECKPOINT));
  }

  /** Remembers that the run is being killed, so that a restarted agent finishes it as a kill (TASK_KILLED). */
  public void checkpointKillRequest() {
    try {
      AtomicFiles.write(checkpointDir.resolve(KILL_CHECKPOINT), new byte[0]);
    } catch (IOException e) {
      LOG.warn("Cannot checkpoint the kill of task {}: {}", task.id(), e.toString());
    }
  }
}
