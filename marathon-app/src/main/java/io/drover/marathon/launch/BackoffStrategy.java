package io.drover.marathon.launch;

import io.drover.core.InvalidValueException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long launches of an app wait after its instances fail: {@code backoff} after the first failure,
 * then {@code factor} times longer after each further one, never more than {@code maxLaunchDelay}
 * (Marathon's {@code backoffSeconds}, {@code backoffFactor}, {@code maxLaunchDelaySeconds}).
 */
public record BackoffStrategy(Duration backoff, double factor, Duration maxLaunchDelay) {
  public static final BackoffStrategy DEFAULT = new BackoffStrategy(Duration.ofSeconds(1), 1.15, Duration.ofSeconds(300));

  public BackoffStrategy {
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(maxLaunchDelay, "maxLaunchDelay");
    if (backoff.isNegative() || maxLaunchDelay.isNegative()) {
      throw new InvalidValueException("backoff and maxLaunchDelay must be >= 0");
    }
    if (!(factor >= 1.0) || Double.isInfinite(factor)) {
      throw new InvalidValueException("backoffFactor must be a finite number >= 1, not " + factor);
    }
  }

  /** The delay after one more failure, given the current one (none: this is the first failure). */
  public Duration next(Optional<Duration> current) {
    if (current.isEmpty()) {
      return min(backoff, maxLaunchDelay);
    }
    double nanos = current.get().toNanos() * factor;
    return nanos >= maxLaunchDelay.toNanos() ? maxLaunchDelay : Duration.ofNanos(Math.round(nanos));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
