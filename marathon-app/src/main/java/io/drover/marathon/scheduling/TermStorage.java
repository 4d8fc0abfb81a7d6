package io.drover.marathon.scheduling;

import io.drover.core.FrameworkId;
import io.drover.marathon.app.TaskFailure;
import io.drover.marathon.instance.Instance;
import io.drover.marathon.instance.InstanceId;
import io.drover.marathon.instance.InstanceStore;
import io.drover.marathon.instance.TaskFailureStore;
import io.drover.marathon.instance.ZooKeeperInstanceStore;
import io.drover.marathon.storage.MarathonStorage;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage of the leadership term under way, for parts that outlive terms: each new leader's
 * storage is fenced on its own epoch. Outside a term every read and write fails.
 */
final class TermStorage {
  private static final Logger LOG = LoggerFactory.getLogger(TermStorage.class);
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

  /** Failures go to the term's storage; one that cannot be stored is logged and kept in memory only. */
  TaskFailureStore taskFailures() {
    return new TaskFailureStore() {
      @Override
      public List<TaskFailure> loadAll() {
        return require().taskFailures().loadAll();
      }

      @Override
      public void store(TaskFailure failure) {
        MarathonStorage storage = current;
        if (storage == null) {
          LOG.warn("Last task failure of {} not stored: not leading", failure.appId());
          return;
        }
        storage.taskFailures().put(failure).whenComplete((done, error) -> {
          if (error != null) {
            LOG.warn("Last task failure of {} not stored: {}", failure.appId(), error.getMessage());
          }
        });
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
