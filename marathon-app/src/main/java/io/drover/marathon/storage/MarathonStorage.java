package io.drover.marathon.storage;

import org.apache.curator.framework.CuratorFramework;

/**
 * Everything marathon-app stores, for one leadership term: open it when elected, close it when
 * deposed. All writes through it are fenced on the term's epoch.
 */
public final class MarathonStorage implements AutoCloseable {
  private final ZooKeeperStateStore store;
  private final GroupRepository groups;
  private final DeploymentRepository deployments;
  private final InstanceRepository instances;
  private final FrameworkIdRepository frameworkId;
  private final TaskFailureRepository taskFailures;

  private MarathonStorage(ZooKeeperStateStore store) {
    this.store = store;
    this.groups = new GroupRepository(store);
    this.deployments = new DeploymentRepository(store);
    this.instances = new InstanceRepository(store);
    this.frameworkId = new FrameworkIdRepository(store);
    this.taskFailures = new TaskFailureRepository(store);
  }

  public static MarathonStorage open(CuratorFramework client, MarathonPaths paths, MarathonTerm term, NodeCodec codec) {
    return new MarathonStorage(ZooKeeperStateStore.open(client, paths, term, codec));
  }

  public ZooKeeperStateStore store() {
    return store;
  }

  public GroupRepository groups() {
    return groups;
  }

  public DeploymentRepository deployments() {
    return deployments;
  }

  public InstanceRepository instances() {
    return instances;
  }

  public FrameworkIdRepository frameworkId() {
    return frameworkId;
  }

  public TaskFailureRepository taskFailures() {
    return taskFailures;
  }

  public MarathonTerm term() {
    return store.term();
  }

  @Override
  public void close() {
    store.close();
  }
}
