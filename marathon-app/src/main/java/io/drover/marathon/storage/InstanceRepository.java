package io.drover.marathon.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Instances, one node each, as Marathon JSON of whatever record the scheduling side keeps for an
 * instance. Writes are fenced and batched with the rest of the state (see {@link ZooKeeperStateStore}).
 */
public final class InstanceRepository {
  private final ZooKeeperStateStore store;
  private final MarathonPaths paths;

  public InstanceRepository(ZooKeeperStateStore store) {
    this.store = store;
    this.paths = store.paths();
  }

  /** Every stored instance by its id. */
  public <T> Map<String, T> loadAll(Class<T> type) {
    Map<String, T> instances = new LinkedHashMap<>();
    for (String node : store.children(paths.instances())) {
      store.read(paths.instances() + "/" + node, type).ifPresent(value -> instances.put(MarathonPaths.decodeName(node), value));
    }
    return instances;
  }

  public CompletableFuture<Void> put(String instanceId, Object instance) {
    return store.commit(store.transaction().put(paths.instance(instanceId), instance));
  }

  public CompletableFuture<Void> remove(String instanceId) {
    return store.commit(store.transaction().remove(paths.instance(instanceId)));
  }
}
