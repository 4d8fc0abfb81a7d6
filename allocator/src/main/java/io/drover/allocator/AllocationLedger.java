package io.drover.allocator;

import io.drover.allocator.sorter.HierarchicalSorter;
import io.drover.core.Resources;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Who holds what where: keeps the agents, the frameworks and the sorters agreeing on every allocation. */
final class AllocationLedger {
  private final HierarchicalSorter sorter;

  AllocationLedger(HierarchicalSorter sorter) {
    this.sorter = sorter;
  }

  /** The framework now holds {@code resources} of the agent under {@code role} (offered or in use). */
  void hold(AgentState agent, FrameworkState framework, String role, Resources resources) {
    if (resources.isEmpty()) {
      return;
    }
    agent.allocate(resources);
    agent.held.computeIfAbsent(framework, f -> new TreeMap<>()).merge(role, resources, Resources::plus);
    framework.holdings.add(agent);
    framework.allocated = framework.allocated.plus(resources.scalars());
    sorter.allocated(framework.key, role, resources);
  }

  /**
   * Takes back what the framework holds of {@code resources} on the agent, from whichever of its roles
   * holds them; anything it does not hold is ignored. Returns the roles they came back from.
   */
  Set<String> release(AgentState agent, FrameworkState framework, Resources resources) {
    Map<String, Resources> byRole = agent.held.get(framework);
    Set<String> roles = new TreeSet<>();
    if (byRole == null) {
      return roles;
    }
    Resources remaining = resources;
    for (Iterator<Map.Entry<String, Resources>> it = byRole.entrySet().iterator();
        it.hasNext() && !remaining.isEmpty(); ) {
      Map.Entry<String, Resources> entry = it.next();
      Resources holding = entry.getValue();
      // What is held and asked back: the smaller amount of a scalar, the common part of ranges and sets.
      Resources taken = holding.minus(holding.minus(remaining));
      if (taken.isEmpty()) {
        continue;
      }
      Resources left = holding.minus(taken);
      if (left.isEmpty()) {
        it.remove();
      } else {
        entry.setValue(left);
      }
      remaining = remaining.minus(taken);
      roles.add(entry.getKey());
      unbook(agent, framework, entry.getKey(), taken);
    }
    if (byRole.isEmpty()) {
      agent.held.remove(framework);
      framework.holdings.remove(agent);
    }
    return roles;
  }

  /** Takes back everything the framework holds on the agent. */
  void releaseAll(AgentState agent, FrameworkState framework) {
    Map<String, Resources> byRole = agent.held.remove(framework);
    framework.holdings.remove(agent);
    if (byRole != null) {
      byRole.forEach((role, resources) -> unbook(agent, framework, role, resources));
    }
  }

  /** Takes back everything held on the agent, by anyone. */
  void releaseAgent(AgentState agent) {
    for (FrameworkState framework : List.copyOf(agent.held.keySet())) {
      releaseAll(agent, framework);
    }
  }

  /** Takes back everything the framework holds, everywhere. */
  void releaseFramework(FrameworkState framework) {
    for (AgentState agent : List.copyOf(framework.holdings)) {
      releaseAll(agent, framework);
    }
  }

  private void unbook(AgentState agent, FrameworkState framework, String role, Resources resources) {
    agent.release(resources);
    framework.allocated = framework.allocated.minus(resources.scalars());
    sorter.unallocated(framework.key, role, resources);
  }
}
