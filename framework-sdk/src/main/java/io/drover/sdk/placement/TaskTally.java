package io.drover.sdk.placement;

import io.drover.core.AgentId;
import io.drover.core.TaskId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A framework's running tasks, kept up to date as tasks launch ({@link #put}) and end ({@link
 * #remove}). Not thread-safe: keep it on the scheduler's callback thread. Counts are kept as tasks
 * come and go, so reading them is cheap.
 */
public final class TaskTally implements RunningTasks {
  private record Entry(String group, TaskSite site) {}

  private final Map<TaskId, Entry> tasks = new HashMap<>();
  private final Map<AgentId, Map<String, Integer>> byAgentAndGroup = new HashMap<>();
  private final Map<AgentId, Integer> totals = new HashMap<>();
  private final Map<String, Map<TaskId, TaskSite>> sitesByGroup = new HashMap<>();

  /** Records a task (again: it may have moved). */
  public void put(TaskId taskId, String group, TaskSite site) {
    remove(taskId);
    tasks.put(taskId, new Entry(group, site));
    byAgentAndGroup.computeIfAbsent(site.agentId(), a -> new HashMap<>()).merge(group, 1, Integer::sum);
    totals.merge(site.agentId(), 1, Integer::sum);
    sitesByGroup.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(taskId, site);
  }

  /** Forgets a task; true if it was known. */
  public boolean remove(TaskId taskId) {
    Entry entry = tasks.remove(taskId);
    if (entry == null) {
      return false;
    }
    AgentId agentId = entry.site().agentId();
    Map<String, Integer> groups = byAgentAndGroup.get(agentId);
    groups.computeIfPresent(entry.group(), (g, n) -> n == 1 ? null : n - 1);
    if (groups.isEmpty()) {
      byAgentAndGroup.remove(agentId);
    }
    totals.computeIfPresent(agentId, (a, n) -> n == 1 ? null : n - 1);
    Map<TaskId, TaskSite> sites = sitesByGroup.get(entry.group());
    sites.remove(taskId);
    if (sites.isEmpty()) {
      sitesByGroup.remove(entry.group());
    }
    return true;
  }

  public int size() {
    return tasks.size();
  }

  @Override
  public int count(AgentId agentId, String group) {
    return byAgentAndGroup.getOrDefault(agentId, Map.of()).getOrDefault(group, 0);
  }

  @Override
  public int total(AgentId agentId) {
    return totals.getOrDefault(agentId, 0);
  }

  @Override
  public List<TaskSite> sites(String group) {
    return List.copyOf(sitesByGroup.getOrDefault(group, Map.of()).values());
  }
}
