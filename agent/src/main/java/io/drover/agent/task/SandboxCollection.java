package io.drover.agent.task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which completed tasks' sandboxes are due for collection: those that completed at least {@code delay}
 * ago (Mesos's {@code --gc_delay}).
 *
 * @param due the tasks whose sandboxes go now
 * @param nextDue when the earliest of the others is due, if any
 */
public record SandboxCollection(List<CompletedTask> due, Optional<Instant> nextDue) {
  public SandboxCollection {
    due = List.copyOf(due);
  }

  public static SandboxCollection plan(List<CompletedTask> completed, Instant now, Duration delay) {
    List<CompletedTask> due = completed.stream().filter(t -> !dueAt(t, delay).isAfter(now)).toList();
    Optional<Instant> next = completed.stream().map(t -> dueAt(t, delay)).filter(at -> at.isAfter(now)).min(Instant::compareTo);
    return new SandboxCollection(due, next);
  }

  private static Instant dueAt(CompletedTask task, Duration delay) {
    return task.completedAt().plus(delay);
  }
}
