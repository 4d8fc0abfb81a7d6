package io.drover.marathon.storage;

import io.drover.marathon.deployment.DeploymentManager;
import java.time.Duration;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the deployment manager to the election: when elected, opens the term's {@link MarathonStorage}
 * and has the manager load the root group and resume the deployments from it; when deposed, makes the
 * manager stand down and closes the storage, whose writes would be fenced out anyway. The scheduling
 * side reaches the term's instance and framework-id storage through {@link #storage()}.
 */
public final class StateTakeover implements MarathonLeadership.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(StateTakeover.class);

  private final CuratorFramework client;
  private final MarathonPaths paths;
  private final NodeCodec codec;
  private final Duration writeTimeout;
  private final DeploymentManager manager;
  private volatile MarathonStorage storage;

  public StateTakeover(CuratorFramework client, MarathonPaths paths, NodeCodec codec, Duration writeTimeout, DeploymentManager manager) {
    this.client = client;
    this.paths = paths;
    this.codec = codec;
    this.writeTimeout = writeTimeout;
    this.manager = manager;
  }

  /** The current term's storage while this instance leads. */
  public Optional<MarathonStorage> storage() {
    return Optional.ofNullable(storage);
  }

  @Override
  public void elected(MarathonTerm term) {
    MarathonStorage opened = MarathonStorage.open(client, paths, term, codec);
    try {
      manager.takeOver(new ZooKeeperStateRepository(opened, writeTimeout));
    } catch (RuntimeException e) {
      opened.close();
      throw e;
    }
    storage = opened;
    LOG.info("Loaded marathon-app state for epoch {}", term.epoch());
  }

  @Override
  public void deposed(String reason) {
    manager.standDown();
    MarathonStorage ending = storage;
    storage = null;
    if (ending != null) {
      ending.close();
    }
  }
}
