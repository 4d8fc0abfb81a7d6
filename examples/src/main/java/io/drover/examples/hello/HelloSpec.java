package io.drover.examples.hello;

import io.drover.core.ContainerInfo;
import io.drover.core.InvalidValueException;
import io.drover.core.Resources;
import java.util.Optional;

/** What hello runs: {@code count} copies of one shell command, each with the same resources. */
record HelloSpec(int count, String command, Resources resources, Optional<ContainerInfo> container) {
  HelloSpec {
    if (count < 1) {
      throw new InvalidValueException("--tasks must be at least 1, not " + count);
    }
    if (command == null || command.isBlank()) {
      throw new InvalidValueException("--cmd must not be blank");
    }
    container = container == null ? Optional.empty() : container;
  }
}
