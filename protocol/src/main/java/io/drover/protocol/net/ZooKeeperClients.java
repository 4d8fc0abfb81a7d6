package io.drover.protocol.net;

import java.time.Duration;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;

/** Curator clients configured the same way by every Drover process. */
public final class ZooKeeperClients {
  private ZooKeeperClients() {}

  /**
   * A started client that retries for ever (with backoff): a process that starts before ZooKeeper waits
   * for it instead of dying. Connection state is logged by {@link ConnectionStateLogger}, once per change.
   */
  public static CuratorFramework start(ZkUrl url, Duration sessionTimeout) {
    CuratorFramework client =
        CuratorFrameworkFactory.builder()
            .connectString(url.connectString())
            .sessionTimeoutMs((int) sessionTimeout.toMillis())
            .connectionTimeoutMs(5_000)
            .retryPolicy(new ExponentialBackoffRetry(200, Integer.MAX_VALUE, 5_000))
            .ensembleTracker(false)
            .build();
    client.getConnectionStateListenable().addListener(new ConnectionStateLogger(url));
    client.start();
    return client;
  }
}
