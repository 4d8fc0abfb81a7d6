package io.drover.marathon.storage;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The framework id the master gave marathon-app, so that a new leader re-subscribes as the same framework. */
public final class FrameworkIdRepository {
  private final ZooKeeperStateStore store;

  public FrameworkIdRepository(ZooKeeperStateStore store) {
    this.store = store;
  }

  record StoredFrameworkId(String value) {}

  public Optional<String> load() {
    return store.read(store.paths().frameworkId(), StoredFrameworkId.class).map(StoredFrameworkId::value);
  }

  public CompletableFuture<Void> store(String frameworkId) {
    return store.commit(store.transaction().put(store.paths().frameworkId(), new StoredFrameworkId(frameworkId)));
  }
}
