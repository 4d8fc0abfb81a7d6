package io.drover.marathon.instance;

import java.util.List;

/**
 * Where instances are kept durably, one entry per instance. A write returns once it is durable; a
 * failed write throws, and the change it carried is then not applied (a status update is then not
 * acknowledged, and comes again).
 */
public interface InstanceStore {
  List<Instance> loadAll();

  void store(Instance instance);

  /** Stores several instances; a store that can write them together should. */
  default void storeAll(List<Instance> instances) {
    instances.forEach(this::store);
  }

  void delete(InstanceId id);
}
