package io.drover.marathon.instance;

import static io.drover.marathon.instance.Instances.health;
import static io.drover.marathon.instance.Instances.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.core.TaskState;
import io.drover.marathon.app.PathId;
import io.drover.marathon.events.EventBus;
import io.drover.marathon.events.Events;
import io.drover.marathon.events.MarathonEvent;
import io.drover.testing.FakeClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InstanceEventsTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

  private final FakeClock clock = new FakeClock(T0);
  private final InstanceTracker tracker = new InstanceTracker(new InMemoryInstanceStore());
  private final EventBus bus = new EventBus();
  private final List<MarathonEvent> events = new ArrayList<>();

  {
    bus.subscribe(Set.of(), events::add);
    new InstanceEvents(tracker, bus, clock).start();
  }

  @Test
  void announcesStatusUpdatesHealthChangesAndKillsForHealth() {
    Instance web = Instance.launched(Instances.id("/web", 1), "2030-01-01T00:00:00.000Z", Instances.agent("a1"), List.of(31000), T0);
    tracker.launched(List.of(web));

    tracker.update(status(web.id(), TaskState.TASK_RUNNING, T0), T0);
    tracker.update(status(web.id(), TaskState.TASK_RUNNING, T0), T0);
    tracker.update(health(web.id(), false, T0), T0);
    tracker.requestKill(web.id(), KillReason.UNHEALTHY, T0);
    tracker.update(status(web.id(), TaskState.TASK_KILLED, T0), T0);

    assertThat(events).extracting(MarathonEvent::eventType)
        .containsExactly("status_update_event", "health_status_changed_event", "unhealthy_instance_kill_event", "status_update_event");
    Events.StatusUpdate running = (Events.StatusUpdate) events.get(0);
    assertThat(running.taskStatus()).isEqualTo("TASK_RUNNING");
    assertThat(running.appId()).isEqualTo(PathId.parse("/web"));
    assertThat(running.ports()).containsExactly(31000);
    assertThat(running.version()).isEqualTo(T0);
    assertThat(((Events.HealthStatusChanged) events.get(1)).alive()).isFalse();
  }

  @Test
  void announcesAHealthChangeOnlyWhenTheHealthOverAllChecksChanges() {
    Instance web = Instance.launched(Instances.id("/web", 1), "2030-01-01T00:00:00.000Z", Instances.agent("a1"), List.of(31000), T0).withHostChecks(List.of(HealthState.UNKNOWN));
    tracker.launched(List.of(web));
    tracker.update(status(web.id(), TaskState.TASK_RUNNING, T0), T0);
    events.clear();

    tracker.update(health(web.id(), true, T0), T0);
    assertThat(events).as("the agent's check alone does not make it healthy").isEmpty();

    tracker.hostChecksJudged(web.id(), List.of(HealthState.HEALTHY));
    tracker.update(health(web.id(), true, T0.plusSeconds(1)), T0.plusSeconds(1));
    tracker.hostChecksJudged(web.id(), List.of(HealthState.UNHEALTHY));
    tracker.update(health(web.id(), false, T0.plusSeconds(2)), T0.plusSeconds(2));

    assertThat(events).extracting(e -> ((Events.HealthStatusChanged) e).alive()).containsExactly(true, false);
  }

  @Test
  void announcesThatARemovedAppIsGoneWithItsLastInstance() {
    Instance web1 = Instance.launched(Instances.id("/web", 1), "v1", Instances.agent("a1"), List.of(), T0);
    Instance web2 = Instance.launched(Instances.id("/web", 2), "v1", Instances.agent("a2"), List.of(), T0);
    tracker.launched(List.of(web1, web2));
    tracker.requestKill(web1.id(), KillReason.APP_REMOVED, T0);
    tracker.requestKill(web2.id(), KillReason.APP_REMOVED, T0);

    tracker.update(status(web1.id(), TaskState.TASK_KILLED, T0), T0);
    assertThat(events).extracting(MarathonEvent::eventType).doesNotContain("app_terminated_event");
    tracker.update(status(web2.id(), TaskState.TASK_KILLED, T0), T0);

    assertThat(events.get(events.size() - 1)).isEqualTo(new Events.AppTerminated(T0, PathId.parse("/web")));
  }
}
