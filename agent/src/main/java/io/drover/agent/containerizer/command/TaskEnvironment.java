package io.drover.agent.containerizer.command;

import io.drover.agent.containerizer.ContainerLaunch;
import io.drover.agent.containerizer.TaskVariables;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The environment a command task runs with: the agent's own, then the task's CommandInfo environment,
 * then the {@link TaskVariables} with DROVER_SANDBOX (they win, so a task cannot misdirect the agent's
 * wrapper).
 */
public final class TaskEnvironment {
  private TaskEnvironment() {}

  public static Map<String, String> of(Map<String, String> agentEnvironment, ContainerLaunch launch) {
    Map<String, String> env = new TreeMap<>(agentEnvironment);
    env.putAll(launch.task().command().environment());
    env.putAll(TaskVariables.of(launch, Optional.of(launch.sandbox().toAbsolutePath().toString())));
    return env;
  }
}
