package io.drover.protocol.net;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells the operator, in one line per change, whether ZooKeeper can be reached. */
final class ConnectionStateLogger implements ConnectionStateListener {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionStateLogger.class);
  private final ZkUrl url;

  ConnectionStateLogger(ZkUrl url) {
    this.url = url;
  }

  @Override
  public void stateChanged(CuratorFramework client, ConnectionState newState) {
    switch (newState) {
      case CONNECTED, RECONNECTED -> LOG.info("ZooKeeper {} {}", url, newState.name().toLowerCase());
      case SUSPENDED -> LOG.warn("ZooKeeper {} unreachable; retrying", url);
      case LOST -> LOG.warn("ZooKeeper {} session lost; retrying", url);
      default -> LOG.info("ZooKeeper {} {}", url, newState);
    }
  }
}
