package io.drover.marathon.instance;

import static io.drover.marathon.instance.Instances.health;
import static io.drover.marathon.instance.Instances.launched;
import static io.drover.marathon.instance.Instances.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.core.AgentId;
import io.drover.core.TaskId;
import io.drover.core.TaskState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceTrackerTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

  private final InMemoryInstanceStore store = new InMemoryInstanceStore();
  private final InstanceTracker tracker = new InstanceTracker(store);
  private final List<InstanceChange> changes = new ArrayList<>();

  {
    tracker.addListener(
        change -> {
          // A listener sees the change only once it is durable.
          if (change.expunged()) {
            assertThat(store.stored()).doesNotContainKey(change.instance().id());
          } else {
            assertThat(store.stored()).containsEntry(change.instance().id(), change.instance());
          }
          changes.add(change);
        });
  }

  @Test
  void storesEachChangeBeforeAnnouncingItAndForgetsEndedInstances() {
    Instance web1 = launched("/web", 1, "v1", "a1", T0);
    tracker.launched(List.of(web1));

    tracker.update(status(web1.id(), TaskState.TASK_RUNNING, T0), T0.plusSeconds(1));
    tracker.update(status(web1.id(), TaskState.TASK_FINISHED, T0), T0.plusSeconds(2));

    assertThat(changes).extracting(c -> c.instance().condition()).containsExactly(Condition.CREATED, Condition.RUNNING, Condition.FINISHED);
    assertThat(changes.get(2).expunged()).isTrue();
    assertThat(tracker.get(web1.id())).isEmpty();
    assertThat(store.writes()).containsExactly("store " + web1.id() + " CREATED", "store " + web1.id() + " RUNNING", "delete " + web1.id());
  }

  @Test
  void aFailedWriteLeavesTheInstanceAsItWasAndAnnouncesNothing() {
    Instance web1 = launched("/web", 1, "v1", "a1", T0);
    tracker.launched(List.of(web1));
    store.failWrites(true);

    assertThatThrownBy(() -> tracker.update(status(web1.id(), TaskState.TASK_RUNNING, T0), T0)).hasMessage("storage unavailable");

    assertThat(tracker.get(web1.id())).contains(web1);
    assertThat(changes).hasSize(1);
  }

  @Test
  void countsStagedRunningHealthyAndUnhealthyPerApp() {
    List<Instance> web = List.of(launched("/web", 1, "v1", "a1", T0), launched("/web", 2, "v1", "a1", T0), launched("/web", 3, "v1", "a2", T0), launched("/web", 4, "v1", "a2", T0));
    tracker.launched(web);
    tracker.launched(List.of(launched("/db", 1, "v1", "a1", T0)));
    for (int i = 1; i < 4; i++) {
      tracker.update(status(web.get(i).id(), TaskState.TASK_RUNNING, T0), T0);
    }
    tracker.update(health(web.get(2).id(), true, T0), T0);
    tracker.update(health(web.get(3).id(), false, T0), T0);

    assertThat(tracker.counts("/web")).isEqualTo(new TaskCounts(1, 3, 1, 1));
    assertThat(tracker.counts("/db")).isEqualTo(new TaskCounts(1, 0, 0, 0));
    assertThat(tracker.counts("/none")).isEqualTo(TaskCounts.NONE);
    assertThat(tracker.countsByApp()).containsOnlyKeys("/web", "/db");
  }

  @Test
  void countsHealthOverEveryCheckOfTheApp() {
    List<Instance> web = new ArrayList<>();
    for (int n = 1; n <= 3; n++) {
      web.add(launched("/web", n, "v1", "a1", T0).withHostChecks(List.of(HealthState.UNKNOWN)));
    }
    tracker.launched(web);
    for (Instance instance : web) {
      tracker.update(status(instance.id(), TaskState.TASK_RUNNING, T0), T0);
      tracker.update(health(instance.id(), true, T0), T0);
    }
    assertThat(tracker.counts("/web")).as("the agent says healthy, the other check has not answered").isEqualTo(new TaskCounts(0, 3, 0, 0));

    tracker.hostChecksJudged(web.get(0).id(), List.of(HealthState.HEALTHY));
    tracker.hostChecksJudged(web.get(1).id(), List.of(HealthState.UNHEALTHY));

    assertThat(tracker.counts("/web")).isEqualTo(new TaskCounts(0, 3, 1, 1));
    int writes = store.writes().size();
    assertThat(tracker.hostChecksJudged(web.get(1).id(), List.of(HealthState.UNHEALTHY))).as("no news").isEmpty();
    assertThat(store.writes()).hasSize(writes);
    assertThat(changes.get(changes.size() - 1).healthChanged()).isTrue();
  }

  @Test
  void placementSeesInstancesThatTakeUpRoomOnTheirAgents() {
    Instance web1 = launched("/web", 1, "v1", "a1", T0);
    Instance web2 = launched("/web", 2, "v1", "a1", T0);
    tracker.launched(List.of(web1, web2));
    tracker.update(status(web2.id(), TaskState.TASK_UNREACHABLE, T0), T0);
    tracker.markInactive(web2.id(), T0);

    assertThat(tracker.placementView().count(AgentId.of("a1"), "/web")).isEqualTo(1);
    assertThat(tracker.placementView().total(AgentId.of("a1"))).isEqualTo(1);
  }

  @Test
  void reloadsWhatTheRepositoryHolds() {
    Instance web1 = launched("/web", 1, "v1", "a1", T0);
    tracker.launched(List.of(web1));

    InstanceTracker restarted = new InstanceTracker(store);
    restarted.load();

    assertThat(restarted.all()).containsExactly(web1);
    assertThat(restarted.placementView().count(AgentId.of("a1"), "/web")).isEqualTo(1);
    assertThat(restarted.update(status(web1.id(), TaskState.TASK_RUNNING, T0), T0)).isPresent();
    assertThat(restarted.update(new io.drover.core.TaskStatus(TaskId.of("other"), TaskState.TASK_RUNNING, null, null, null, null, null, null, T0), T0)).isEmpty();
  }
}
