package io.drover.agent.checkpoint;

import io.drover.core.AgentId;
import io.drover.core.FrameworkId;
import io.drover.core.FrameworkInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a previous run of the agent left under its meta dir. {@code shutDown} are the frameworks the
 * master had told it to shut down: their tasks are killed and their updates no longer delivered.
 */
public record CheckpointedState(
    Optional<AgentId> agentId, Map<FrameworkId, FrameworkInfo> frameworks, Set<FrameworkId> shutDown, List<CheckpointedTask> tasks) {
  public CheckpointedState {
    frameworks = Map.copyOf(frameworks);
    shutDown = Set.copyOf(shutDown);
    tasks = List.copyOf(tasks);
  }
}
