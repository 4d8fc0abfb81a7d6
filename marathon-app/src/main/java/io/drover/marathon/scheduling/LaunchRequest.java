package io.drover.marathon.scheduling;

import java.util.Objects;

/** Place up to {@code count} new instances of {@code spec}. */
public record LaunchRequest(RunSpec spec, int count) {
  public LaunchRequest {
    Objects.requireNonNull(spec, "spec");
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0");
    }
  }
}
