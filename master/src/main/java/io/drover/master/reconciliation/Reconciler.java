package io.drover.master.reconciliation;

import io.drover.core.AgentId;
import io.drover.core.StatusSource;
import io.drover.core.TaskId;
import io.drover.core.TaskState;
import io.drover.core.TaskStatus;
import io.drover.core.TaskStatusReason;
import io.drover.master.task.TrackedTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Answers reconciliation requests with Mesos's rules for partition-aware frameworks. Answers carry
 * reason {@code RECONCILIATION} and no uuid (they need no acknowledgement).
 *
 * <p>Explicit, per listed task:
 *
 * <ol>
 *   <li>known task: its latest state;
 *   <li>unknown task on an agent still inside the failover re-registration window: no answer yet (the
 *       agent may still report it; the framework asks again later);
 *   <li>unknown task on a registered agent: {@code TASK_GONE} (the agent would have reported it);
 *   <li>unknown task on an unreachable agent: {@code TASK_UNREACHABLE};
 *   <li>unknown task on an unknown agent, or with no agent while no agent is being waited for: {@code
 *       TASK_UNKNOWN}; with no agent while some are still being waited for: no answer yet.
 * </ol>
 *
 * <p>Implicit (no tasks listed): the latest state of each of the framework's tasks that has not ended.
 */
public final class Reconciler {
  private Reconciler() {}

  public static List<TaskStatus> explicit(
      Collection<TaskQuery> queries,
      Function<TaskId, Optional<TrackedTask>> knownTasks,
      Function<AgentId, AgentStanding> agents,
      boolean agentsRecovering,
      Instant now) {
    List<TaskStatus> answers = new ArrayList<>();
    for (TaskQuery query : queries) {
      Optional<TrackedTask> known = knownTasks.apply(query.taskId());
      if (known.isPresent()) {
        answers.add(latest(known.get(), now));
        continue;
      }
      Optional<TaskState> state =
          query.agentId().isPresent()
              ? switch (agents.apply(query.agentId().get())) {
                case RECOVERING -> Optional.empty();
                case REGISTERED -> Optional.of(TaskState.TASK_GONE);
                case UNREACHABLE -> Optional.of(TaskState.TASK_UNREACHABLE);
                case UNKNOWN -> Optional.of(TaskState.TASK_UNKNOWN);
              }
              : agentsRecovering ? Optional.empty() : Optional.of(TaskState.TASK_UNKNOWN);
      state.ifPresent(s -> answers.add(status(query.taskId(), s, query.agentId(), "reconciliation: the task is unknown to the master", Optional.empty(), now)));
    }
    return answers;
  }

  public static List<TaskStatus> implicit(Collection<TrackedTask> frameworkTasks, Instant now) {
    return frameworkTasks.stream().filter(t -> !t.state().isTerminal()).map(t -> latest(t, now)).toList();
  }

  private static TaskStatus latest(TrackedTask task, Instant now) {
    return status(
        task.id(),
        task.state(),
        Optional.of(task.agentId()),
        "reconciliation: latest state",
        task.latestStatus().flatMap(TaskStatus::healthy),
        now);
  }

  private static TaskStatus status(TaskId id, TaskState state, Optional<AgentId> agent, String message, Optional<Boolean> healthy, Instant now) {
    return new TaskStatus(id, state, agent, Optional.empty(), TaskStatusReason.RECONCILIATION, message, healthy, StatusSource.SOURCE_MASTER, now);
  }
}
