package io.drover.master;

import static org.awaitility.Awaitility.await;

import io.drover.core.FrameworkInfo;
import io.drover.core.Resources;
import io.drover.protocol.net.MasterDetector;
import io.drover.protocol.net.ProtocolOptions;
import io.drover.protocol.net.ZkUrl;
import io.drover.testing.EmbeddedZooKeeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.curator.framework.CuratorFramework;

/** A real ZooKeeper, masters on loopback, and pretend agents and frameworks that talk to them. */
final class TestCluster implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(20);
  static final ProtocolOptions PEER_OPTIONS = ProtocolOptions.DEFAULTS.withHeartbeat(Duration.ofMillis(200), 3);

  final EmbeddedZooKeeper zk = EmbeddedZooKeeper.start();
  final ZkUrl url = ZkUrl.parse(zk.url("/drover"));
  final CuratorFramework curator = zk.newClient();
  final MasterDetector detector = new MasterDetector(curator, url);
  final MasterPaths paths = new MasterPaths("/drover");
  private final List<AutoCloseable> closeables = new ArrayList<>();

  TestCluster() {
    detector.start();
  }

  /** Settings that make tests quick: free ports, fast heartbeats, short timeouts. */
  MasterConfig config() {
    return MasterConfig.defaults(url, "127.0.0.1")
        .withPorts(0, 0)
        .withHeartbeat(Duration.ofMillis(200), 3)
        .withAgentTimeouts(Duration.ofMillis(1000), Duration.ofMillis(2000))
        .withAllocationInterval(Duration.ofMillis(100))
        .withZooKeeperTimeouts(Duration.ofSeconds(4), Duration.ofMillis(500))
        .withOfferTimeout(Optional.empty());
  }

  Master master(UnaryOperator<MasterConfig> tweak) throws Exception {
    Master master = new Master(tweak.apply(config()));
    closeables.add(master);
    master.start();
    return master;
  }

  Master leadingMaster() throws Exception {
    Master master = master(c -> c);
    await().atMost(WAIT).until(master::isLeading);
    await().atMost(WAIT).until(() -> detector.current().filter(m -> m.id().equals(master.self().id())).isPresent());
    return master;
  }

  TestAgent agent(String hostname, Resources resources) {
    return track(new TestAgent(detector, PEER_OPTIONS, hostname, resources)).start();
  }

  TestAgent agent(TestAgent restartOf) {
    return track(new TestAgent(detector, PEER_OPTIONS, restartOf.info.hostname(), restartOf.info.resources(), restartOf.agentId, restartOf.tasks)).start();
  }

  TestScheduler scheduler(FrameworkInfo info) {
    return track(new TestScheduler(detector, PEER_OPTIONS, info, "")).start();
  }

  TestScheduler scheduler(FrameworkInfo info, String frameworkId) {
    return track(new TestScheduler(detector, PEER_OPTIONS, info, frameworkId)).start();
  }

  private <T extends AutoCloseable> T track(T closeable) {
    closeables.add(closeable);
    return closeable;
  }

  @Override
  public void close() throws Exception {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      closeables.get(i).close();
    }
    detector.close();
    curator.close();
    zk.close();
  }
}
