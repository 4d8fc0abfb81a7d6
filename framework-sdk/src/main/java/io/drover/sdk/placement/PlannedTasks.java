package io.drover.sdk.placement;

import io.drover.core.AgentId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The running tasks plus those placed so far in one plan, without copying what runs: the plan's own
 * placements are kept beside the unchanged base.
 */
final class PlannedTasks implements RunningTasks {
  private final RunningTasks base;
  private final Map<AgentId, Map<String, Integer>> addedByAgentAndGroup = new HashMap<>();
  private final Map<AgentId, Integer> addedTotals = new HashMap<>();
  private final Map<String, List<TaskSite>> addedSites = new HashMap<>();

  PlannedTasks(RunningTasks base) {
    this.base = base;
  }

  void add(String group, TaskSite site) {
    addedByAgentAndGroup.computeIfAbsent(site.agentId(), a -> new HashMap<>()).merge(group, 1, Integer::sum);
    addedTotals.merge(site.agentId(), 1, Integer::sum);
    addedSites.computeIfAbsent(group, g -> new ArrayList<>()).add(site);
  }

  @Override
  public int count(AgentId agentId, String group) {
    return base.count(agentId, group) + addedByAgentAndGroup.getOrDefault(agentId, Map.of()).getOrDefault(group, 0);
  }

  @Override
  public int total(AgentId agentId) {
    return base.total(agentId) + addedTotals.getOrDefault(agentId, 0);
  }

  @Override
  public List<TaskSite> sites(String group) {
    List<TaskSite> added = addedSites.get(group);
    if (added == null) {
      return base.sites(group);
    }
    List<TaskSite> all = new ArrayList<>(base.sites(group));
    all.addAll(added);
    return all;
  }
}
