package io.drover.marathon.scheduling;

import io.drover.core.FrameworkId;
import java.util.Optional;

/** Where the framework id is kept, so that a restarted or new leader subscribes as the same framework. */
public interface FrameworkIdStore {
  Optional<FrameworkId> load();

  void store(FrameworkId frameworkId);
}
