package io.drover.core;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A task a framework asks to launch on an agent, with the resources it takes from an offer. */
public record TaskInfo(
    TaskId id,
    String name,
    AgentId agentId,
    Resources resources,
    CommandInfo command,
    Optional<ContainerInfo> container,
    Optional<HealthCheck> healthCheck,
    Duration killGracePeriod,
    Map<String, String> labels) {
  public static final Duration DEFAULT_KILL_GRACE_PERIOD = Duration.ofSeconds(3);

  public TaskInfo {
    name = name == null || name.isBlank() ? id.value() : name;
    command = command == null ? CommandInfo.shell("") : command;
    container = container == null ? Optional.empty() : container;
    healthCheck = healthCheck == null ? Optional.empty() : healthCheck;
    killGracePeriod = killGracePeriod == null ? DEFAULT_KILL_GRACE_PERIOD : killGracePeriod;
    labels = Map.copyOf(labels == null ? Map.of() : labels);
  }

  public static TaskInfo command(TaskId id, AgentId agentId, Resources resources, String shellCommand) {
    return new TaskInfo(id, id.value(), agentId, resources, CommandInfo.shell(shellCommand), Optional.empty(), Optional.empty(), null, Map.of());
  }
}
