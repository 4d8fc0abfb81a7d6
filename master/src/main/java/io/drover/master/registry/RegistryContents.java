package io.drover.master.registry;

import io.drover.core.AgentId;
import io.drover.core.AgentInfo;
import io.drover.core.FrameworkId;
import io.drover.core.FrameworkInfo;
import java.time.Instant;
import java.util.Map;

/** What a new leader reads from the registry. */
public record RegistryContents(
    Map<AgentId, AgentInfo> agents, Map<FrameworkId, FrameworkInfo> frameworks, Map<FrameworkId, Instant> failoverDeadlines) {
  public RegistryContents {
    agents = Map.copyOf(agents);
    frameworks = Map.copyOf(frameworks);
    failoverDeadlines = Map.copyOf(failoverDeadlines);
  }
}
