package io.drover.marathon.instance;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.core.AgentId;
import io.drover.core.Attributes;
import io.drover.core.TaskState;
import io.drover.marathon.storage.MarathonPaths;
import io.drover.marathon.storage.MarathonStorage;
import io.drover.marathon.storage.Terms;
import io.drover.sdk.placement.TaskSite;
import io.drover.testing.EmbeddedZooKeeper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ZooKeeperInstanceStoreIT {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private static EmbeddedZooKeeper zooKeeper;
  private static int roots;

  private CuratorFramework client;
  private MarathonStorage storage;

  @BeforeAll
  static void startZooKeeper() {
    zooKeeper = EmbeddedZooKeeper.start();
  }

  @AfterAll
  static void stopZooKeeper() {
    zooKeeper.close();
  }

  @BeforeEach
  void openStorage() throws Exception {
    client = zooKeeper.newClient();
    MarathonPaths paths = new MarathonPaths("/instances-it-" + roots++);
    storage = Terms.openNewTerm(client, paths);
  }

  @AfterEach
  void close() {
    storage.close();
    client.close();
  }

  @Test
  void instancesSurviveInZooKeeperWithEveryField() {
    ZooKeeperInstanceStore store = new ZooKeeperInstanceStore(storage.instances());
    Instance plain = Instance.launched(Instances.id("/prod/web", 1), "2030-01-01T00:00:00.000Z", Instances.agent("a1"), List.of(), T0);
    Instance full =
        new Instance(
            Instances.id("/prod/web", 2),
            "2030-01-01T00:00:00.000Z",
            new TaskSite(AgentId.of("a2"), "host-2", Attributes.of(Map.of("rack", "r1", "zone", "a"))),
            List.of(31000, 31005),
            Condition.RUNNING,
            Optional.of(TaskState.TASK_RUNNING),
            T0.plusSeconds(3),
            new Health(Optional.of(false), 2, Optional.of(T0.plusSeconds(10))),
            List.of(HealthState.HEALTHY, HealthState.UNKNOWN, HealthState.UNHEALTHY),
            T0,
            Optional.of(T0.plusSeconds(3)),
            Optional.of(new KillRequest(KillReason.UNHEALTHY, T0.plusSeconds(20))),
            "health check failed");

    store.storeAll(List.of(plain, full));

    assertThat(new ZooKeeperInstanceStore(storage.instances()).loadAll()).containsExactlyInAnyOrder(plain, full);
    store.delete(plain.id());
    assertThat(store.loadAll()).containsExactly(full);
  }

  @Test
  void aTrackerOnAZooKeeperStoreComesBackWithWhatItHad() {
    InstanceTracker tracker = new InstanceTracker(new ZooKeeperInstanceStore(storage.instances()));
    Instance web = Instance.launched(Instances.id("/web", 1), "v1", Instances.agent("a1"), List.of(31000), T0);
    tracker.launched(List.of(web));
    tracker.update(Instances.status(web.id(), TaskState.TASK_RUNNING, T0), T0.plusSeconds(1));

    InstanceTracker next = new InstanceTracker(new ZooKeeperInstanceStore(storage.instances()));
    next.load();

    assertThat(next.all()).containsExactlyElementsOf(tracker.all());
    assertThat(next.counts("/web").running()).isEqualTo(1);
  }
}
