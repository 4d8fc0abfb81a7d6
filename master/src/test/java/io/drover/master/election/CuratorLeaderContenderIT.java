package io.drover.master.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.drover.core.AgentId;
import io.drover.core.AgentInfo;
import io.drover.core.Attributes;
import io.drover.core.MasterInfo;
import io.drover.core.Resources;
import io.drover.master.MasterPaths;
import io.drover.master.MasterZooKeeper;
import io.drover.master.registry.FencedOutException;
import io.drover.master.registry.ZooKeeperRegistry;
import io.drover.protocol.net.MasterInfoJson;
import io.drover.protocol.net.ZkUrl;
import io.drover.testing.EmbeddedZooKeeper;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CuratorLeaderContenderIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final MasterPaths PATHS = new MasterPaths("/drover");

  private EmbeddedZooKeeper zk;
  private CuratorFramework clientA;
  private CuratorFramework clientB;
  private CuratorFramework observer;
  private CuratorLeaderContender a;
  private CuratorLeaderContender b;
  private final RecordingLeadershipListener heardA = new RecordingLeadershipListener();
  private final RecordingLeadershipListener heardB = new RecordingLeadershipListener();

  @BeforeEach
  void start() {
    zk = EmbeddedZooKeeper.start();
    ZkUrl url = ZkUrl.parse(zk.url("/drover"));
    clientA = MasterZooKeeper.start(url, Duration.ofSeconds(4));
    clientB = MasterZooKeeper.start(url, Duration.ofSeconds(4));
    observer = zk.newClient();
    a = new CuratorLeaderContender(clientA, PATHS, master("a", 5101), Duration.ofMillis(500), heardA);
    b = new CuratorLeaderContender(clientB, PATHS, master("b", 5102), Duration.ofMillis(500), heardB);
    a.start();
    b.start();
  }

  @AfterEach
  void stop() {
    a.close();
    b.close();
    observer.close();
    clientA.close();
    clientB.close();
    zk.close();
  }

  private static MasterInfo master(String id, int port) {
    return new MasterInfo(id, "127.0.0.1", port, port + 1000, 0, "test");
  }

  private MasterInfo publishedLeader() throws Exception {
    return MasterInfoJson.read(observer.getData().forPath(PATHS.leader()));
  }

  private long storedEpoch() throws Exception {
    return Long.parseLong(new String(observer.getData().forPath(PATHS.epoch()), java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void oneLeadsPublishesItselfAndTheOtherTakesOverWithAHigherEpochWhenItsSessionDies() throws Exception {
    await().atMost(WAIT).until(() -> heardA.isLeading() || heardB.isLeading());
    RecordingLeadershipListener first = heardA.isLeading() ? heardA : heardB;
    RecordingLeadershipListener second = first == heardA ? heardB : heardA;
    CuratorFramework firstClient = first == heardA ? clientA : clientB;
    String firstId = first == heardA ? "a" : "b";

    assertThat(second.isLeading()).isFalse();
    assertThat(first.current().orElseThrow().epoch()).isEqualTo(1);
    assertThat(storedEpoch()).isEqualTo(1);
    assertThat(publishedLeader()).isEqualTo(new MasterInfo(firstId, "127.0.0.1", firstId.equals("a") ? 5101 : 5102, firstId.equals("a") ? 6101 : 6102, 1, "test"));

    EmbeddedZooKeeper.expireSession(firstClient);

    await().atMost(WAIT).until(second::isLeading);
    await().atMost(WAIT).until(() -> !first.isLeading());
    assertThat(first.deposed).isNotEmpty();
    assertThat(second.current().orElseThrow().epoch()).isEqualTo(2);
    await().atMost(WAIT).untilAsserted(() -> assertThat(publishedLeader().id()).isNotEqualTo(firstId));
    assertThat(publishedLeader().epoch()).isEqualTo(2);
  }

  @Test
  void aStaleLeadersFencedWriteFails() throws Exception {
    await().atMost(WAIT).until(() -> heardA.isLeading() || heardB.isLeading());
    RecordingLeadershipListener first = heardA.isLeading() ? heardA : heardB;
    RecordingLeadershipListener second = first == heardA ? heardB : heardA;
    Leadership stale = first.current().orElseThrow();
    CuratorFramework firstClient = first == heardA ? clientA : clientB;
    AgentInfo info = new AgentInfo("host1", 5051, Resources.cpusMem(1, 128), Attributes.NONE, Set.of());

    try (ZooKeeperRegistry staleRegistry = new ZooKeeperRegistry(firstClient, PATHS, stale)) {
      staleRegistry.load();
      staleRegistry.putAgent(AgentId.of("before"), info).get();

      // Abdicating before the other's latch is registered would rightly elect the same contender again.
      await().atMost(WAIT).until(() -> observer.getChildren().forPath(PATHS.election()).size() == 2);
      (first == heardA ? a : b).abdicate("test hands over");
      await().atMost(WAIT).until(second::isLeading);

      assertThatThrownBy(() -> staleRegistry.putAgent(AgentId.of("after"), info).get())
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(FencedOutException.class)
          .hasMessageContaining("epoch " + stale.epoch() + " is over");
      assertThat(observer.checkExists().forPath(PATHS.agent("after"))).isNull();
      assertThat(observer.checkExists().forPath(PATHS.agent("before"))).isNotNull();
    }
  }

  @Test
  void closingTheLeaderHandsOverAndRemovesItsLeaderNode() throws Exception {
    await().atMost(WAIT).until(() -> heardA.isLeading() || heardB.isLeading());
    boolean aLed = heardA.isLeading();
    (aLed ? a : b).close();
    RecordingLeadershipListener other = aLed ? heardB : heardA;
    await().atMost(WAIT).until(other::isLeading);
    assertThat(other.current().orElseThrow().epoch()).isEqualTo(2);
    await().atMost(WAIT).untilAsserted(() -> assertThat(publishedLeader().id()).isEqualTo(aLed ? "b" : "a"));
  }
}
