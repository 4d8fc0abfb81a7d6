package io.drover.master;

import io.drover.core.AgentId;
import io.drover.core.AgentInfo;
import io.drover.core.Filters;
import io.drover.core.FrameworkId;
import io.drover.core.FrameworkInfo;
import io.drover.core.Resources;
import io.drover.core.allocation.Allocator;
import io.drover.core.allocation.AllocatorOptions;
import io.drover.core.allocation.AllocatorSnapshot;
import io.drover.core.allocation.OfferCallback;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A deliberately simple allocator for master tests: each run offers every active agent's free
 * resources to the first active, unsuppressed framework whose decline filter does not cover that agent.
 * It keeps the same books a real allocator keeps (what each framework holds on each agent).
 */
final class FirstFitTestAllocator implements Allocator {
  private AllocatorOptions options;
  private OfferCallback callback;
  private final Map<FrameworkId, FrameworkInfo> frameworks = new LinkedHashMap<>();
  private final Map<FrameworkId, Boolean> offerable = new HashMap<>();
  private final Map<AgentId, Resources> totals = new LinkedHashMap<>();
  private final Map<AgentId, Boolean> activeAgents = new HashMap<>();
  private final Map<AgentId, Map<FrameworkId, Resources>> held = new HashMap<>();
  private final Map<String, Instant> refusals = new HashMap<>();
  private long runs;

  @Override
  public void initialize(AllocatorOptions options, OfferCallback offerCallback) {
    this.options = options;
    this.callback = offerCallback;
  }

  @Override
  public void addFramework(FrameworkId id, FrameworkInfo info, Map<AgentId, Resources> used, boolean active) {
    frameworks.put(id, info);
    offerable.put(id, active);
    used.forEach((agent, r) -> held.computeIfAbsent(agent, a -> new HashMap<>()).merge(id, r, Resources::plus));
  }

  @Override
  public void removeFramework(FrameworkId id) {
    frameworks.remove(id);
    offerable.remove(id);
    held.values().forEach(m -> m.remove(id));
  }

  @Override
  public void activateFramework(FrameworkId id) {
    offerable.put(id, true);
  }

  @Override
  public void deactivateFramework(FrameworkId id) {
    offerable.put(id, false);
  }

  @Override
  public void addAgent(AgentId id, AgentInfo info, Resources total, Map<FrameworkId, Resources> used) {
    totals.put(id, total);
    activeAgents.put(id, true);
    held.put(id, new HashMap<>(used));
  }

  @Override
  public void removeAgent(AgentId id) {
    totals.remove(id);
    activeAgents.remove(id);
    held.remove(id);
  }

  @Override
  public void deactivateAgent(AgentId id) {
    activeAgents.put(id, false);
  }

  @Override
  public void activateAgent(AgentId id) {
    activeAgents.put(id, true);
  }

  @Override
  public void recoverResources(FrameworkId frameworkId, AgentId agentId, Resources resources, Optional<Filters> filters) {
    Map<FrameworkId, Resources> onAgent = held.get(agentId);
    if (onAgent != null && onAgent.containsKey(frameworkId)) {
      onAgent.put(frameworkId, onAgent.get(frameworkId).minus(resources));
    }
    filters.filter(f -> !f.refuse().isZero()).ifPresent(f -> refusals.put(frameworkId + "@" + agentId, options.clock().instant().plus(f.refuse())));
  }

  @Override
  public void suppressOffers(FrameworkId frameworkId, Set<String> roles) {
    offerable.put(frameworkId, false);
  }

  @Override
  public void reviveOffers(FrameworkId frameworkId, Set<String> roles) {
    offerable.put(frameworkId, true);
    refusals.keySet().removeIf(k -> k.startsWith(frameworkId + "@"));
  }

  @Override
  public void updateWeight(String role, double weight) {}

  @Override
  public void allocate() {
    runs++;
    Instant now = options.clock().instant();
    for (Map.Entry<AgentId, Resources> agent : totals.entrySet()) {
      if (!activeAgents.get(agent.getKey())) {
        continue;
      }
      Map<FrameworkId, Resources> onAgent = held.get(agent.getKey());
      Resources free = agent.getValue();
      for (Resources r : onAgent.values()) {
        free = free.minus(r);
      }
      if (!options.minAllocatable().stream().anyMatch(free::contains)) {
        continue;
      }
      for (FrameworkId framework : frameworks.keySet()) {
        Instant refusedUntil = refusals.get(framework + "@" + agent.getKey());
        if (offerable.get(framework) && (refusedUntil == null || !refusedUntil.isAfter(now))) {
          onAgent.merge(framework, free, Resources::plus);
          callback.offer(framework, frameworks.get(framework).roles().iterator().next(), Map.of(agent.getKey(), free));
          break;
        }
      }
    }
  }

  @Override
  public AllocatorSnapshot snapshot() {
    return new AllocatorSnapshot(Map.of(), Map.of(), runs);
  }
}
