package io.drover.agent.containerizer;

import io.drover.core.AgentId;
import io.drover.core.FrameworkId;
import io.drover.core.TaskInfo;
import java.nio.file.Path;

/**
 * Everything a containerizer needs to start, find again or recover one run of a task. {@code
 * checkpointDir} is the run's own directory under the agent's meta dir, where the containerizer keeps
 * what it needs to re-adopt the container after an agent restart.
 */
public record ContainerLaunch(
    ContainerId containerId, FrameworkId frameworkId, AgentId agentId, TaskInfo task, Path sandbox, Path checkpointDir, String hostname) {}
