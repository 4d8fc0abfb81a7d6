package io.drover.protocol.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.state.SessionConnectionStateErrorPolicy;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EpochLeaderElectionIT {
  private static final Duration DEADLINE = Duration.ofSeconds(15);
  private static final String ROOT = "/election-it";

  private TestingServer server;
  private final List<AutoCloseable> resources = new ArrayList<>();

  @BeforeEach
  void startZooKeeper() throws Exception {
    server = new TestingServer();
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
    server.close();
  }

  /** Records what a participant is told. */
  static final class Recorder implements ElectionListener {
    final List<ElectedTerm> elected = new CopyOnWriteArrayList<>();
    final List<String> deposed = new CopyOnWriteArrayList<>();

    @Override
    public void elected(ElectedTerm term) {
      elected.add(term);
    }

    @Override
    public void deposed(String reason) {
      deposed.add(reason);
    }

    ElectedTerm lastTerm() {
      return elected.get(elected.size() - 1);
    }
  }

  private CuratorFramework client(int sessionTimeoutMs) {
    CuratorFramework client =
        CuratorFrameworkFactory.builder()
            .connectString(server.getConnectString())
            .sessionTimeoutMs(sessionTimeoutMs)
            .connectionTimeoutMs(1_000)
            .retryPolicy(new RetryOneTime(100))
            .connectionStateErrorPolicy(new SessionConnectionStateErrorPolicy())
            .build();
    client.start();
    resources.add(client);
    return client;
  }

  private EpochLeaderElection participant(CuratorFramework client, String id, Duration grace, Recorder recorder) {
    ElectionSettings settings =
        new ElectionSettings(
            "test",
            id,
            ROOT + "/election",
            ROOT + "/epoch",
            ROOT + "/leader",
            epoch -> (id + ":" + epoch).getBytes(StandardCharsets.UTF_8),
            grace,
            "election-" + id);
    EpochLeaderElection election = new EpochLeaderElection(client, settings, recorder);
    resources.add(election);
    election.start();
    return election;
  }

  private EpochLeaderElection participant(String id, Recorder recorder) {
    return participant(client(30_000), id, Duration.ofSeconds(5), recorder);
  }

  /**
   * Waits until {@code count} participants contend: one that abdicates while it is the only one (its
   * rival's latch not registered yet) is rightly elected again at once.
   */
  private void awaitContenders(int count) {
    CuratorFramework observer = client(30_000);
    await().atMost(DEADLINE).until(() -> observer.getChildren().forPath(ROOT + "/election").size() == count);
  }

  private String leaderNode(CuratorFramework client) throws Exception {
    return new String(client.getData().forPath(ROOT + "/leader"), StandardCharsets.UTF_8);
  }

  @Test
  void oneOfTwoLeadsAndTheSuccessorGetsTheNextEpoch() throws Exception {
    Recorder a = new Recorder();
    Recorder b = new Recorder();
    EpochLeaderElection electionA = participant("a", a);
    await().atMost(DEADLINE).until(() -> a.elected.size() == 1);
    EpochLeaderElection electionB = participant("b", b);
    CuratorFramework observer = client(30_000);

    assertThat(a.lastTerm().epoch()).isEqualTo(1);
    assertThat(electionA.term()).contains(a.lastTerm());
    assertThat(leaderNode(observer)).isEqualTo("a:1");
    assertThat(new String(observer.getData().forPath(ROOT + "/epoch"), StandardCharsets.UTF_8)).isEqualTo("1");
    assertThat(b.elected).isEmpty();
    assertThat(electionB.term()).isEmpty();

    electionA.close();
    await().atMost(DEADLINE).until(() -> b.elected.size() == 1);

    assertThat(a.deposed).hasSize(1);
    assertThat(electionA.term()).isEmpty();
    assertThat(b.lastTerm().epoch()).isEqualTo(2);
    assertThat(leaderNode(observer)).isEqualTo("b:2");
  }

  @Test
  void abdicatingHandsOverAndFencesTheFormerLeadersWrites() throws Exception {
    Recorder a = new Recorder();
    Recorder b = new Recorder();
    EpochLeaderElection electionA = participant("a", a);
    await().atMost(DEADLINE).until(() -> a.elected.size() == 1);
    participant("b", b);
    CuratorFramework clientA = client(30_000);
    EpochFence fenceA = new EpochFence(clientA, ROOT + "/epoch", a.lastTerm());
    FencedBatch whileLeading = fenceA.batch();
    whileLeading.put(ROOT + "/state", "from a".getBytes(StandardCharsets.UTF_8));
    whileLeading.commit();

    awaitContenders(2);
    electionA.abdicate("asked to step down");
    await().atMost(DEADLINE).until(() -> b.elected.size() == 1);

    assertThat(a.deposed).containsExactly("asked to step down");
    assertThat(b.lastTerm().epoch()).isEqualTo(2);
    await().atMost(DEADLINE).until(() -> leaderNode(clientA).equals("b:2"));
    FencedBatch stale = fenceA.batch();
    stale.put(ROOT + "/state", "stale".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(stale::commit).isInstanceOf(StaleEpochException.class);
    FencedBatch current = new EpochFence(clientA, ROOT + "/epoch", b.lastTerm()).batch();
    current.put(ROOT + "/state", "from b".getBytes(StandardCharsets.UTF_8));
    current.commit();
    assertThat(new String(clientA.getData().forPath(ROOT + "/state"), StandardCharsets.UTF_8)).isEqualTo("from b");
    assertThat(a.elected).hasSize(1);
  }

  @Test
  void theFormerLeaderContendsAgainAfterAbdicating() {
    Recorder a = new Recorder();
    Recorder b = new Recorder();
    EpochLeaderElection electionA = participant("a", a);
    await().atMost(DEADLINE).until(() -> a.elected.size() == 1);
    EpochLeaderElection electionB = participant("b", b);

    awaitContenders(2);
    electionA.abdicate("first hand-over");
    await().atMost(DEADLINE).until(() -> b.elected.size() == 1);
    awaitContenders(2);
    electionB.abdicate("second hand-over");
    await().atMost(DEADLINE).until(() -> a.elected.size() == 2);

    assertThat(a.lastTerm().epoch()).isEqualTo(3);
    assertThat(b.deposed).containsExactly("second hand-over");
  }

  @Test
  void aBatchPicksOperationsFromWhatItHasAlreadyWritten() throws Exception {
    Recorder a = new Recorder();
    participant("a", a);
    await().atMost(DEADLINE).until(() -> a.elected.size() == 1);
    CuratorFramework client = client(30_000);
    EpochFence fence = new EpochFence(client, ROOT + "/epoch", a.lastTerm());
    client.create().creatingParentsIfNeeded().forPath(ROOT + "/data");

    FencedBatch batch = fence.batch();
    batch.put(ROOT + "/data/x", "1".getBytes(StandardCharsets.UTF_8));
    batch.put(ROOT + "/data/x", "2".getBytes(StandardCharsets.UTF_8));
    batch.delete(ROOT + "/data/never-there");
    batch.put(ROOT + "/data/y", "y".getBytes(StandardCharsets.UTF_8));
    batch.delete(ROOT + "/data/y");
    assertThat(batch.exists(ROOT + "/data/x")).isTrue();
    assertThat(batch.exists(ROOT + "/data/y")).isFalse();
    batch.commit();

    assertThat(new String(client.getData().forPath(ROOT + "/data/x"), StandardCharsets.UTF_8)).isEqualTo("2");
    assertThat(client.checkExists().forPath(ROOT + "/data/y")).isNull();
  }

  @Test
  void aLeaderSuspendedBeyondTheGraceStepsDownAndLeadsAgainOnceReconnected() throws Exception {
    Recorder a = new Recorder();
    participant(client(60_000), "a", Duration.ofMillis(500), a);
    await().atMost(DEADLINE).until(() -> a.elected.size() == 1);

    server.stop();
    await().atMost(DEADLINE).until(() -> a.deposed.size() == 1);
    assertThat(a.deposed.get(0)).contains("suspended");
    server.restart();

    await().atMost(DEADLINE).until(() -> a.elected.size() == 2);
    assertThat(a.lastTerm().epoch()).isEqualTo(2);
  }
}
