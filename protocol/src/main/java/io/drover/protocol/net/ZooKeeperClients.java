package io.drover.protocol.net;

import java.time.Duration;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.imps.CuratorFrameworkState;
import org.apache.curator.retry.BoundedExponentialBackoffRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Curator clients configured the same way by every Drover process. */
public final class ZooKeeperClients {
  private static final Logger LOG = LoggerFactory.getLogger(ZooKeeperClients.class);
  private static final long UNREACHABLE_REPORT_SECONDS = 10;

  private ZooKeeperClients() {}

  /**
   * A started client that keeps trying to connect: a process that starts before ZooKeeper waits for it
   * instead of dying, and says so every few seconds in one line. Operations retry with backoff for a
   * couple of minutes. Connection changes are logged by {@link ConnectionStateLogger}, once per change.
   */
  public static CuratorFramework start(ZkUrl url, Duration sessionTimeout) {
    CuratorFramework client =
        CuratorFrameworkFactory.builder()
            .connectString(url.connectString())
            .sessionTimeoutMs((int) sessionTimeout.toMillis())
            .connectionTimeoutMs(5_000)
            .retryPolicy(new BoundedExponentialBackoffRetry(200, 5_000, 29))
            .ensembleTracker(false)
            .build();
    client.getConnectionStateListenable().addListener(new ConnectionStateLogger(url));
    client.start();
    Thread watcher = new Thread(() -> reportWhileUnreachable(client, url), "zookeeper-connect-watch");
    watcher.setDaemon(true);
    watcher.start();
    return client;
  }

  private static void reportWhileUnreachable(CuratorFramework client, ZkUrl url) {
    try {
      while (client.getState() == CuratorFrameworkState.STARTED && !client.blockUntilConnected((int) UNREACHABLE_REPORT_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("ZooKeeper {} is unreachable; still trying", url);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
