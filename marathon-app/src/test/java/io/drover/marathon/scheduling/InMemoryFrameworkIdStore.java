package io.drover.marathon.scheduling;

import io.drover.core.FrameworkId;
import java.util.Optional;

/** A framework id kept in memory, for tests. */
final class InMemoryFrameworkIdStore implements FrameworkIdStore {
  private Optional<FrameworkId> stored = Optional.empty();

  @Override
  public synchronized Optional<FrameworkId> load() {
    return stored;
  }

  @Override
  public synchronized void store(FrameworkId frameworkId) {
    stored = Optional.of(frameworkId);
  }
}
