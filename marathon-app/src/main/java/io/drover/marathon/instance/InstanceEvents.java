package io.drover.marathon.instance;

import io.drover.core.TaskState;
import io.drover.core.TaskStatus;
import io.drover.marathon.app.MarathonJson;
import io.drover.marathon.app.PathId;
import io.drover.marathon.events.EventBus;
import io.drover.marathon.events.Events;
import io.drover.marathon.events.MarathonEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Turns instance changes into Marathon's events on the bus: {@code status_update_event} for every new
 * task state, {@code health_status_changed_event} when an instance's health over all of its checks
 * becomes healthy or unhealthy, {@code
 * unhealthy_instance_kill_event} when the scheduler kills an instance for its health, and {@code
 * app_terminated_event} when the last instance of a removed app is gone.
 */
public final class InstanceEvents implements InstanceListener {
  /** Marathon's {@code unhealthy_instance_kill_event}. */
  public record UnhealthyInstanceKill(Instant timestamp, PathId appId, String taskId, String instanceId, Instant version, String reason, String host, String slaveId)
      implements MarathonEvent {
    @Override
    public String eventType() {
      return "unhealthy_instance_kill_event";
    }
  }

  private final InstanceTracker tracker;
  private final EventBus bus;
  private final Clock clock;

  public InstanceEvents(InstanceTracker tracker, EventBus bus, Clock clock) {
    this.tracker = tracker;
    this.bus = bus;
    this.clock = clock;
  }

  /** Starts listening to the tracker. */
  public void start() {
    tracker.addListener(this);
  }

  public void stop() {
    tracker.removeListener(this);
  }

  @Override
  public void instanceChanged(InstanceChange change) {
    Instance instance = change.instance();
    PathId appId = PathId.parse(instance.appId());
    Instant now = clock.instant();
    Instant version = version(instance);
    Optional<TaskState> before = change.previous().flatMap(Instance::taskState);
    if (change.status().isPresent() && !before.equals(instance.taskState())) {
      TaskStatus status = change.status().get();
      bus.publish(
          new Events.StatusUpdate(
              status.timestamp(),
              instance.agentId().value(),
              instance.id().value(),
              status.state().name(),
              status.message(),
              appId,
              instance.hostname(),
              List.of(),
              instance.hostPorts(),
              version));
    }
    if (change.healthChanged() && instance.health() != HealthState.UNKNOWN) {
      bus.publish(new Events.HealthStatusChanged(now, appId, instance.id().value(), instance.id().value(), version, instance.health() == HealthState.HEALTHY));
    }
    boolean killedNow = change.previous().map(p -> p.kill().isEmpty()).orElse(false) && instance.kill().isPresent();
    if (killedNow && instance.kill().get().reason() == KillReason.UNHEALTHY) {
      bus.publish(
          new UnhealthyInstanceKill(
              now, appId, instance.id().value(), instance.id().value(), version, "failed a health check too often", instance.hostname(), instance.agentId().value()));
    }
    boolean removedAppGone =
        change.expunged() && instance.kill().map(k -> k.reason() == KillReason.APP_REMOVED).orElse(false) && tracker.instancesOf(instance.appId()).isEmpty();
    if (removedAppGone) {
      bus.publish(new Events.AppTerminated(now, appId));
    }
  }

  private static Instant version(Instance instance) {
    try {
      return MarathonJson.parseTimestamp(instance.appVersion());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
