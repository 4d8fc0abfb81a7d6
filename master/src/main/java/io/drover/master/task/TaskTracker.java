package io.drover.master.task;

import io.drover.core.AgentId;
import io.drover.core.FrameworkId;
import io.drover.core.Resources;
import io.drover.core.TaskId;
import io.drover.core.TaskState;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ObjIntConsumer;

/**
 * Every task the leading master knows, indexed by framework and by agent so that each look-up costs
 * the size of the answer, never the number of tasks. A task stays tracked until its terminal update is
 * acknowledged (or its framework or agent goes away). Keeps a count per state and reports each change.
 */
public final class TaskTracker {
  private final Map<FrameworkId, Map<TaskId, TrackedTask>> byFramework = new HashMap<>();
  private final Map<AgentId, Map<TaskKey, TrackedTask>> byAgent = new HashMap<>();
  private final EnumMap<TaskState, Integer> counts = new EnumMap<>(TaskState.class);
  private final ObjIntConsumer<TaskState> countChanged;
  private int size;

  /** {@code countChanged} hears the new count of a state whenever it changes. */
  public TaskTracker(ObjIntConsumer<TaskState> countChanged) {
    this.countChanged = countChanged;
  }

  private record TaskKey(FrameworkId frameworkId, TaskId taskId) {}

  public Optional<TrackedTask> get(FrameworkId frameworkId, TaskId taskId) {
    Map<TaskId, TrackedTask> tasks = byFramework.get(frameworkId);
    return tasks == null ? Optional.empty() : Optional.ofNullable(tasks.get(taskId));
  }

  public boolean contains(FrameworkId frameworkId, TaskId taskId) {
    return get(frameworkId, taskId).isPresent();
  }

  /** Adds the task, or replaces the one with its framework and id (which may have moved agents). */
  public void put(TrackedTask task) {
    remove(task.frameworkId(), task.id());
    byFramework.computeIfAbsent(task.frameworkId(), f -> new LinkedHashMap<>()).put(task.id(), task);
    byAgent.computeIfAbsent(task.agentId(), a -> new LinkedHashMap<>()).put(new TaskKey(task.frameworkId(), task.id()), task);
    size++;
    count(task.state(), +1);
  }

  public Optional<TrackedTask> remove(FrameworkId frameworkId, TaskId taskId) {
    Map<TaskId, TrackedTask> tasks = byFramework.get(frameworkId);
    TrackedTask removed = tasks == null ? null : tasks.remove(taskId);
    if (removed == null) {
      return Optional.empty();
    }
    if (tasks.isEmpty()) {
      byFramework.remove(frameworkId);
    }
    Map<TaskKey, TrackedTask> onAgent = byAgent.get(removed.agentId());
    onAgent.remove(new TaskKey(frameworkId, taskId));
    if (onAgent.isEmpty()) {
      byAgent.remove(removed.agentId());
    }
    size--;
    count(removed.state(), -1);
    return Optional.of(removed);
  }

  public Collection<TrackedTask> ofFramework(FrameworkId frameworkId) {
    return List.copyOf(byFramework.getOrDefault(frameworkId, Map.of()).values());
  }

  public Collection<TrackedTask> onAgent(AgentId agentId) {
    return List.copyOf(byAgent.getOrDefault(agentId, Map.of()).values());
  }

  /** The resources that tasks still hold on an agent, per framework. */
  public Map<FrameworkId, Resources> usedOn(AgentId agentId) {
    Map<FrameworkId, Resources> used = new HashMap<>();
    for (TrackedTask task : byAgent.getOrDefault(agentId, Map.of()).values()) {
      if (task.holdsResources()) {
        used.merge(task.frameworkId(), task.info().resources(), Resources::plus);
      }
    }
    return used;
  }

  public Map<TaskState, Integer> counts() {
    return Collections.unmodifiableMap(new EnumMap<>(counts));
  }

  public int size() {
    return size;
  }

  private void count(TaskState state, int delta) {
    int now = counts.merge(state, delta, Integer::sum);
    countChanged.accept(state, now);
  }
}
