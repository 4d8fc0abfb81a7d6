package io.drover.marathon.scheduling;

import io.drover.core.FrameworkId;
import io.drover.marathon.instance.Instance;
import io.drover.marathon.instance.InstanceId;
import io.drover.marathon.instance.InstanceStore;
import io.drover.marathon.instance.ZooKeeperInstanceStore;
import io.drover.marathon.storage.MarathonStorage;
import java.util.List;
import java.util.Optional;

/**
 * The storage of the leadership term under way, for parts that outlive terms: each new leader's
 * storage is fenced on its own epoch. Outside a term every read and write fails.
 */
final class TermStorage {
  private volatile MarathonStorage current;

  void use(MarathonStorage storage) {
    current = storage;
  }

  void clear() {
    current = null;
  }

  private MarathonStorage require() {
    MarathonStorage storage = current;
    if (storage == null) {
      throw new IllegalStateException("not leading: no storage to use");
    }
    return storage;
  }

  InstanceStore instances() {
    return new InstanceStore() {
      @Override
      public List<Instance> loadAll() {
        return store().loadAll();
      }

      @Override
      public void store(Instance instance) {
        store().store(instance);
      }

      @Override
      public void storeAll(List<Instance> instances) {
        store().storeAll(instances);
      }

      @Override
      public void delete(InstanceId id) {
        store().delete(id);
      }

      private ZooKeeperInstanceStore store() {
        return new ZooKeeperInstanceStore(require().instances());
      }
    };
  }

  FrameworkIdStore frameworkId() {
    return new FrameworkIdStore() {
      @Override
      public Optional<FrameworkId> load() {
        return store().load();
      }

      @Override
      public void store(FrameworkId frameworkId) {
        store().store(frameworkId);
      }

      private ZooKeeperFrameworkIdStore store() {
        return new ZooKeeperFrameworkIdStore(require().frameworkId());
      }
    };
  }
}
