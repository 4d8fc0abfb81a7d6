package io.drover.marathon.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.testing.EmbeddedZooKeeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MarathonLeadershipIT {
  private static EmbeddedZooKeeper zooKeeper;
  private static int roots;

  @BeforeAll
  static void startZooKeeper() {
    zooKeeper = EmbeddedZooKeeper.start();
  }

  @AfterAll
  static void stopZooKeeper() {
    zooKeeper.close();
  }

  /** Records what a contender is told. */
  static final class Recorder implements MarathonLeadership.Listener {
    final List<MarathonTerm> elected = new CopyOnWriteArrayList<>();
    final List<String> deposed = new CopyOnWriteArrayList<>();

    @Override
    public void elected(MarathonTerm term) {
      elected.add(term);
    }

    @Override
    public void deposed(String reason) {
      deposed.add(reason);
    }
  }

  private static MarathonLeadership contender(CuratorFramework client, MarathonPaths paths, String id, Recorder recorder) {
    MarathonLeadership leadership =
        new MarathonLeadership(client, paths, new LeaderInfo(id, "host-" + id, 8080, 0), Duration.ofSeconds(5), recorder);
    leadership.start();
    return leadership;
  }

  @Test
  void oneLeadsAtATimeAndTheSuccessorFencesThePredecessor() throws Exception {
    MarathonPaths paths = new MarathonPaths("/leadership-it-" + roots++);
    try (CuratorFramework clientA = zooKeeper.newClient();
        CuratorFramework clientB = zooKeeper.newClient()) {
      Recorder a = new Recorder();
      Recorder b = new Recorder();
      MarathonLeadership leaderA = contender(clientA, paths, "a", a);
      await().atMost(Duration.ofSeconds(10)).until(() -> a.elected.size() == 1);
      MarathonLeadership leaderB = contender(clientB, paths, "b", b);

      assertThat(a.elected.get(0).epoch()).isEqualTo(1);
      assertThat(leaderB.currentLeader()).contains(new LeaderInfo("a", "host-a", 8080, 1));
      MarathonStorage storageA = MarathonStorage.open(clientA, paths, a.elected.get(0), NodeCodec.DEFAULT);

      leaderA.close();
      await().atMost(Duration.ofSeconds(10)).until(() -> b.elected.size() == 1);

      assertThat(a.deposed).hasSize(1);
      assertThat(b.elected.get(0).epoch()).isEqualTo(2);
      assertThat(leaderB.term()).contains(b.elected.get(0));
      await().atMost(Duration.ofSeconds(10)).until(() -> leaderB.currentLeader().map(LeaderInfo::id).orElse("").equals("b"));
      assertThat(storageA.frameworkId().store("stale").handle((ok, error) -> error).get())
          .isInstanceOf(FencedOutException.class);
      storageA.close();
      leaderB.close();
    }
  }

  @Test
  void abdicatingHandsOverAndRejoinsTheElection() throws Exception {
    MarathonPaths paths = new MarathonPaths("/leadership-it-" + roots++);
    try (CuratorFramework clientA = zooKeeper.newClient();
        CuratorFramework clientB = zooKeeper.newClient()) {
      Recorder a = new Recorder();
      Recorder b = new Recorder();
      MarathonLeadership leaderA = contender(clientA, paths, "a", a);
      await().atMost(Duration.ofSeconds(10)).until(() -> a.elected.size() == 1);
      MarathonLeadership leaderB = contender(clientB, paths, "b", b);
      await().atMost(Duration.ofSeconds(10)).until(() -> clientA.getChildren().forPath(paths.election()).size() == 2);

      leaderA.abdicate("asked to by DELETE /v2/leader");

      await().atMost(Duration.ofSeconds(10)).until(() -> b.elected.size() == 1);
      assertThat(a.deposed).containsExactly("asked to by DELETE /v2/leader");
      assertThat(leaderA.term()).isEmpty();
      assertThat(b.elected.get(0).epoch()).isEqualTo(2);
      await().atMost(Duration.ofSeconds(10)).until(() -> clientA.getChildren().forPath(paths.election()).size() == 2);
      leaderB.close();
      await().atMost(Duration.ofSeconds(10)).until(() -> a.elected.size() == 2);
      assertThat(a.elected.get(1).epoch()).isEqualTo(3);
      leaderA.close();
    }
  }

  @Test
  void aLostSessionDeposesTheLeader() throws Exception {
    MarathonPaths paths = new MarathonPaths("/leadership-it-" + roots++);
    try (CuratorFramework client = zooKeeper.newClient()) {
      Recorder a = new Recorder();
      MarathonLeadership leader = contender(client, paths, "a", a);
      await().atMost(Duration.ofSeconds(10)).until(() -> a.elected.size() == 1);

      EmbeddedZooKeeper.expireSession(client);

      await().atMost(Duration.ofSeconds(20)).until(() -> !a.deposed.isEmpty());
      await().atMost(Duration.ofSeconds(20)).until(() -> a.elected.size() == 2);
      assertThat(a.elected.get(1).epoch()).isGreaterThan(a.elected.get(0).epoch());
      leader.close();
    }
  }
}
