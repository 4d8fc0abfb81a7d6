package io.drover.marathon.storage;

import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.app.PathId;
import io.drover.marathon.deployment.Deployment;
import io.drover.marathon.deployment.StateRepository;
import io.drover.marathon.group.Group;
import io.drover.marathon.group.RootGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The deployment manager's state in ZooKeeper, for one leadership term; every write is one fenced transaction. */
public final class ZooKeeperStateRepository implements StateRepository {
  private final MarathonStorage storage;
  private final Duration writeTimeout;

  public ZooKeeperStateRepository(MarathonStorage storage, Duration writeTimeout) {
    this.storage = storage;
    this.writeTimeout = writeTimeout;
  }

  @Override
  public RootGroup loadRootGroup() {
    return storage.groups().load();
  }

  @Override
  public List<Deployment> loadDeployments() {
    return storage.deployments().loadAll();
  }

  @Override
  public void write(RootGroup before, RootGroup after, List<Deployment> putDeployments, List<String> removeDeployments) {
    StateTransaction transaction = storage.store().transaction();
    storage.groups().stageChange(transaction, before, after);
    putDeployments.forEach(deployment -> storage.deployments().stagePut(transaction, deployment));
    removeDeployments.forEach(id -> storage.deployments().stageRemove(transaction, id));
    try {
      storage.store().commit(transaction).get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof StorageException storageError
          ? storageError
          : new StorageException("cannot store the change: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new StorageException("ZooKeeper did not confirm the change within " + writeTimeout.toMillis() + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("interrupted while storing the change", e);
    }
  }

  @Override
  public List<Instant> appVersions(PathId appId) {
    return storage.groups().versions(appId);
  }

  @Override
  public Optional<AppDefinition> appVersion(PathId appId, Instant version) {
    return storage.groups().version(appId, version);
  }

  @Override
  public List<Instant> groupVersions(PathId groupId) {
    return storage.groups().groupVersions(groupId);
  }

  @Override
  public Optional<Group> groupAt(PathId groupId, Instant version) {
    return storage.groups().rootAt(version, groupId).map(root -> root.toGroup(groupId));
  }
}
