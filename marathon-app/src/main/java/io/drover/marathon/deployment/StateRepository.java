package io.drover.marathon.deployment;

import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.app.PathId;
import io.drover.marathon.group.Group;
import io.drover.marathon.group.RootGroup;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where {@link DeploymentManager} keeps the root group and the deployments under way (ZooKeeper in
 * production, see {@code io.drover.marathon.storage.ZooKeeperStateRepository}). Writes are durable when
 * they return, and fail with an unchecked exception otherwise (for instance when fenced out).
 */
public interface StateRepository {
  RootGroup loadRootGroup();

  List<Deployment> loadDeployments();

  /** Atomically stores the change of the root group from {@code before} to {@code after} and of the deployments. */
  void write(RootGroup before, RootGroup after, List<Deployment> putDeployments, List<String> removeDeployments);

  /** The stored versions of an app, newest first. */
  List<Instant> appVersions(PathId appId);

  Optional<AppDefinition> appVersion(PathId appId, Instant version);

  /** The stored versions of the root group in which the group {@code groupId} existed, newest first. */
  List<Instant> groupVersions(PathId groupId);

  /** The group {@code groupId} as it was in the root group's {@code version}, if that version is kept and held it. */
  Optional<Group> groupAt(PathId groupId, Instant version);
}
