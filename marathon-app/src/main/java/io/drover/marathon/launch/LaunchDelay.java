package io.drover.marathon.launch;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Launches of an app version wait until {@code until}; {@code delay} is the step that set it. */
public record LaunchDelay(Duration delay, Instant until, Duration maxLaunchDelay) {
  public LaunchDelay {
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(maxLaunchDelay, "maxLaunchDelay");
  }

  public boolean isActive(Instant now) {
    return now.isBefore(until);
  }

  /**
   * A delay long past (its end is at least the longest delay ago) is forgotten, as in Marathon: an app
   * that has been launching without failures for that long starts again from its first backoff.
   */
  public boolean isStale(Instant now) {
    return !now.isBefore(until.plus(maxLaunchDelay));
  }
}
