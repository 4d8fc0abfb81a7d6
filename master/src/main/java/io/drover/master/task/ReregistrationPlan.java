package io.drover.master.task;

import io.drover.core.AgentId;
import io.drover.core.FrameworkId;
import io.drover.core.StatusSource;
import io.drover.core.TaskId;
import io.drover.core.TaskState;
import io.drover.core.TaskStatus;
import io.drover.core.TaskStatusReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * How the master's view of an agent's tasks changes when the agent re-registers. The agent is the
 * source of truth:
 *
 * <ul>
 *   <li>each task it reports is tracked in the state it reports; if the master had told the framework
 *       the task was unreachable, the framework hears the reported state again;
 *   <li>a task the master tracked there but the agent does not report is forgotten, and its framework
 *       hears {@code TASK_DROPPED} if the launch never got past staging (the agent never received it),
 *       else {@code TASK_GONE};
 *   <li>tasks of frameworks the master does not know (removed) are not tracked; those frameworks are
 *       shut down on the agent.
 * </ul>
 *
 * @param updates updates for frameworks, keyed by framework; they need no acknowledgement
 */
public record ReregistrationPlan(List<TrackedTask> track, List<TrackedTask> forget, Map<FrameworkId, List<TaskStatus>> updates, Set<FrameworkId> shutdown) {
  public ReregistrationPlan {
    track = List.copyOf(track);
    forget = List.copyOf(forget);
    updates = Map.copyOf(updates);
    shutdown = Set.copyOf(shutdown);
  }

  public static ReregistrationPlan of(
      AgentId agent, Collection<TrackedTask> known, List<ReportedTask> reported, Predicate<FrameworkId> frameworkKnown, Instant now) {
    Map<TaskKey, TrackedTask> knownByKey = new HashMap<>();
    known.forEach(t -> knownByKey.put(new TaskKey(t.frameworkId(), t.id()), t));
    List<TrackedTask> track = new ArrayList<>();
    Map<FrameworkId, List<TaskStatus>> updates = new HashMap<>();
    Set<FrameworkId> shutdown = new TreeSet<>();
    for (ReportedTask r : reported) {
      if (!frameworkKnown.test(r.frameworkId())) {
        shutdown.add(r.frameworkId());
        continue;
      }
      TrackedTask previous = knownByKey.remove(new TaskKey(r.frameworkId(), r.info().id()));
      TrackedTask current =
          previous != null && previous.state() == r.state()
              ? previous
              : new TrackedTask(r.frameworkId(), r.info(), r.state(), Optional.empty());
      track.add(current);
      if (previous != null && previous.state() == TaskState.TASK_UNREACHABLE && r.state() != TaskState.TASK_UNREACHABLE) {
        updates
            .computeIfAbsent(r.frameworkId(), f -> new ArrayList<>())
            .add(status(r.info().id(), r.state(), agent, "agent " + agent + " re-registered with this task", now));
      }
    }
    List<TrackedTask> forget = new ArrayList<>(knownByKey.values());
    for (TrackedTask lost : forget) {
      TaskState state = lost.state() == TaskState.TASK_STAGING ? TaskState.TASK_DROPPED : TaskState.TASK_GONE;
      if (!lost.state().isTerminal()) {
        updates
            .computeIfAbsent(lost.frameworkId(), f -> new ArrayList<>())
            .add(status(lost.id(), state, agent, "agent " + agent + " re-registered without this task", now));
      }
    }
    return new ReregistrationPlan(track, forget, updates, shutdown);
  }

  private record TaskKey(FrameworkId frameworkId, TaskId taskId) {}

  private static TaskStatus status(TaskId task, TaskState state, AgentId agent, String message, Instant now) {
    return new TaskStatus(
        task, state, Optional.of(agent), Optional.empty(), TaskStatusReason.RECONCILIATION, message, Optional.empty(), StatusSource.SOURCE_MASTER, now);
  }
}
