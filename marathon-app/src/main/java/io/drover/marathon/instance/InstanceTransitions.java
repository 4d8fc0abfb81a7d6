package io.drover.marathon.instance;

import io.drover.core.TaskState;
import io.drover.core.TaskStatus;
import java.time.Instant;
import java.util.Optional;

/** Decides what a status update does to an instance; pure. */
public final class InstanceTransitions {
  private InstanceTransitions() {}

  public static InstanceUpdate apply(Instance current, TaskStatus status, Instant now) {
    TaskState state = status.state();
    if (current.taskState().isPresent() && !current.taskState().get().canMoveTo(state)) {
      return new InstanceUpdate.Unchanged(state + " cannot follow " + current.taskState().get());
    }
    Condition condition = Condition.of(state);
    if (condition == Condition.UNREACHABLE && current.condition() == Condition.UNREACHABLE_INACTIVE) {
      condition = Condition.UNREACHABLE_INACTIVE;
    }
    Health health = current.agentHealth().after(status.healthy(), now);
    Optional<Instant> startedAt = current.startedAt().isEmpty() && condition == Condition.RUNNING ? Optional.of(now) : current.startedAt();
    Instance next =
        new Instance(
            current.id(),
            current.appVersion(),
            current.agent(),
            current.hostPorts(),
            condition,
            Optional.of(state),
            condition == current.condition() ? current.conditionSince() : now,
            health,
            current.hostChecks(),
            current.stagedAt(),
            startedAt,
            current.kill(),
            status.message());
    if (condition.isTerminal()) {
      return new InstanceUpdate.Ended(next);
    }
    boolean same =
        condition == current.condition()
            && next.taskState().equals(current.taskState())
            && health.equals(current.agentHealth())
            && startedAt.equals(current.startedAt());
    return same ? new InstanceUpdate.Unchanged("a repeat of " + state) : new InstanceUpdate.Changed(next);
  }
}
