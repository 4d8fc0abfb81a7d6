package io.drover.master;

import io.drover.protocol.net.ZkUrl;
import java.time.Duration;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.state.SessionConnectionStateErrorPolicy;
import org.apache.curator.retry.RetryForever;

/** The master's ZooKeeper client. */
public final class MasterZooKeeper {
  private MasterZooKeeper() {}

  /**
   * A started client that retries for ever. Its recipes treat only a lost session as an error, so that a
   * short suspension does not cost the leader its latch; the contender applies its own grace instead.
   */
  public static CuratorFramework start(ZkUrl url, Duration sessionTimeout) {
    CuratorFramework client =
        CuratorFrameworkFactory.builder()
            .connectString(url.connectString())
            .sessionTimeoutMs((int) sessionTimeout.toMillis())
            .connectionTimeoutMs((int) Math.min(5_000, sessionTimeout.toMillis()))
            .retryPolicy(new RetryForever(500))
            .connectionStateErrorPolicy(new SessionConnectionStateErrorPolicy())
            .ensembleTracker(false)
            .build();
    client.start();
    return client;
  }
}
