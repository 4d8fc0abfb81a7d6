package io.drover.marathon.instance;

import static io.drover.marathon.instance.Instances.health;
import static io.drover.marathon.instance.Instances.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.core.TaskState;
import io.drover.marathon.app.AppCounts;
import io.drover.marathon.app.HealthCheckResult;
import io.drover.marathon.app.PathId;
import io.drover.marathon.app.TaskFailure;
import io.drover.marathon.app.TaskView;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstanceStatusSourceTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private static final String VERSION = "2030-01-01T00:00:00.000Z";
  private static final PathId WEB = PathId.parse("/prod/web");

  private final InstanceTracker tracker = new InstanceTracker(new InMemoryInstanceStore());
  private final RecordingFailures stored = new RecordingFailures();
  private final Map<InstanceId, List<HealthCheckResult>> hostResults = new LinkedHashMap<>();
  private final InstanceStatusSource source = new InstanceStatusSource(tracker, stored, id -> hostResults.getOrDefault(id, List.of()));

  /** Failures kept in memory, as a store would keep them. */
  private static final class RecordingFailures implements TaskFailureStore {
    final Map<PathId, TaskFailure> failures = new LinkedHashMap<>();

    @Override
    public List<TaskFailure> loadAll() {
      return List.copyOf(failures.values());
    }

    @Override
    public void store(TaskFailure failure) {
      failures.put(failure.appId(), failure);
    }
  }

  private Instance launch(int n) {
    Instance instance = Instance.launched(Instances.id("/prod/web", n), VERSION, Instances.agent("a" + n), List.of(31000 + n), T0);
    tracker.launched(List.of(instance));
    return instance;
  }

  @Test
  void showsCountsAndTasksAsMarathonDoes() {
    Instance web1 = launch(1);
    launch(2);
    tracker.update(status(web1.id(), TaskState.TASK_RUNNING, T0), T0.plusSeconds(2));
    tracker.update(health(web1.id(), true, T0), T0.plusSeconds(3));

    assertThat(source.counts(WEB)).isEqualTo(new AppCounts(1, 1, 1, 0));
    List<TaskView> tasks = source.tasks(WEB);
    assertThat(tasks).hasSize(2);
    TaskView task = tasks.get(0);
    assertThat(task.id()).isEqualTo(web1.id().value());
    assertThat(task.appId()).isEqualTo(WEB);
    assertThat(task.host()).isEqualTo("a1");
    assertThat(task.slaveId()).isEqualTo("a1");
    assertThat(task.ports()).containsExactly(31001);
    assertThat(task.state()).isEqualTo("TASK_RUNNING");
    assertThat(task.stagedAt()).isEqualTo(T0);
    assertThat(task.startedAt()).isEqualTo(T0.plusSeconds(2));
    assertThat(task.version()).isEqualTo(T0);
    assertThat(task.healthCheckResults()).singleElement().satisfies(r -> assertThat(r.alive()).isTrue());
    HealthCheckResult fromHere = new HealthCheckResult(web1.id().value(), false, 2, null, null, T0, "refused");
    hostResults.put(web1.id(), List.of(fromHere));
    assertThat(source.tasks(WEB).get(0).healthCheckResults()).as("one per check: the agent's, then marathon-app's").hasSize(2).endsWith(fromHere);
    assertThat(tasks.get(1).state()).as("no status yet").isEqualTo("TASK_STAGING");
    assertThat(source.counts(PathId.parse("/other"))).isEqualTo(AppCounts.NONE);
  }

  @Test
  void remembersTheLastFailureButNotAKillItAskedFor() {
    Instance web1 = launch(1);
    Instance web2 = launch(2);
    tracker.update(status(web1.id(), TaskState.TASK_FAILED, T0.plusSeconds(5)), T0.plusSeconds(5));
    tracker.requestKill(web2.id(), KillReason.SCALING_DOWN, T0.plusSeconds(6));
    tracker.update(status(web2.id(), TaskState.TASK_KILLED, T0.plusSeconds(7)), T0.plusSeconds(7));

    TaskFailure failure = source.lastTaskFailure(WEB).orElseThrow();
    assertThat(failure.taskId()).isEqualTo(web1.id().value());
    assertThat(failure.state()).isEqualTo("TASK_FAILED");
    assertThat(failure.timestamp()).isEqualTo(T0.plusSeconds(5));
    assertThat(failure.version()).isEqualTo(T0);
    assertThat(source.tasks(WEB)).isEmpty();
    assertThat(stored.failures).containsExactly(Map.entry(WEB, failure));
  }

  @Test
  void aNewLeaderLoadsTheStoredFailuresAndARemovedAppsFailureGoes() {
    Instance web1 = launch(1);
    tracker.update(status(web1.id(), TaskState.TASK_FAILED, T0.plusSeconds(5)), T0.plusSeconds(5));
    InstanceStatusSource next = new InstanceStatusSource(new InstanceTracker(new InMemoryInstanceStore()), stored, id -> List.of());

    next.load();

    assertThat(next.lastTaskFailure(WEB)).isEqualTo(source.lastTaskFailure(WEB)).isPresent();
    Instance web2 = launch(2);
    tracker.requestKill(web2.id(), KillReason.APP_REMOVED, T0.plusSeconds(6));
    tracker.update(status(web2.id(), TaskState.TASK_KILLED, T0.plusSeconds(7)), T0.plusSeconds(7));
    assertThat(source.lastTaskFailure(WEB)).isEmpty();
  }
}
