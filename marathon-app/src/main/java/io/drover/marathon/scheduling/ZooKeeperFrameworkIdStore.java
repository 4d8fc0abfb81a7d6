package io.drover.marathon.scheduling;

import io.drover.core.FrameworkId;
import io.drover.marathon.storage.FrameworkIdRepository;
import java.util.Optional;

/** The framework id in ZooKeeper, through {@link FrameworkIdRepository}. */
public final class ZooKeeperFrameworkIdStore implements FrameworkIdStore {
  private final FrameworkIdRepository repository;

  public ZooKeeperFrameworkIdStore(FrameworkIdRepository repository) {
    this.repository = repository;
  }

  @Override
  public Optional<FrameworkId> load() {
    return repository.load().map(FrameworkId::of);
  }

  @Override
  public void store(FrameworkId frameworkId) {
    if (!load().equals(Optional.of(frameworkId))) {
      repository.store(frameworkId.value()).join();
    }
  }
}
