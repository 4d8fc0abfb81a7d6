package io.drover.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.ZooKeeper;

/**
 * A real single ZooKeeper server on a free loopback port, for tests. Close it when done; {@link #stop}
 * and {@link #restart} simulate an outage of the ensemble.
 */
public final class EmbeddedZooKeeper implements AutoCloseable {
  private final TestingServer server;

  private EmbeddedZooKeeper(TestingServer server) {
    this.server = server;
  }

  public static EmbeddedZooKeeper start() {
    try {
      return new EmbeddedZooKeeper(new TestingServer(true));
    } catch (Exception e) {
      throw new IllegalStateException("cannot start an embedded ZooKeeper", e);
    }
  }

  public String connectString() {
    return server.getConnectString();
  }

  /** A {@code zk://host:port/root} URL for this server. */
  public String url(String root) {
    return "zk://" + connectString() + root;
  }

  /** A started client with a short session, for inspecting or preparing ZooKeeper in tests. */
  public CuratorFramework newClient() {
    return newClient(Duration.ofSeconds(10));
  }

  public CuratorFramework newClient(Duration sessionTimeout) {
    CuratorFramework client =
        CuratorFrameworkFactory.builder()
            .connectString(connectString())
            .sessionTimeoutMs((int) sessionTimeout.toMillis())
            .connectionTimeoutMs(5_000)
            .retryPolicy(new RetryOneTime(100))
            .ensembleTracker(false)
            .build();
    client.start();
    return client;
  }

  /** Expires the session of {@code client} as if ZooKeeper had lost sight of it. */
  public static void expireSession(CuratorFramework client) {
    try {
      ZooKeeper zooKeeper = client.getZookeeperClient().getZooKeeper();
      zooKeeper.getTestable().injectSessionExpiration();
    } catch (Exception e) {
      throw new IllegalStateException("cannot expire the ZooKeeper session", e);
    }
  }

  public void stop() {
    try {
      server.stop();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void restart() {
    try {
      server.restart();
    } catch (Exception e) {
      throw new IllegalStateException("cannot restart the embedded ZooKeeper", e);
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
