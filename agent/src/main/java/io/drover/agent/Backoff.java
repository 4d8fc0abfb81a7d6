package io.drover.agent;

import java.time.Duration;

/** Exponential backoff: {@code initial}, doubled after every attempt, never above {@code max}. */
public record Backoff(Duration initial, Duration max) {
  public Backoff {
    if (initial == null || initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("backoff initial delay must be > 0");
    }
    if (max == null || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("backoff max delay must be >= its initial delay " + initial);
    }
  }

  public static Backoff between(Duration initial, Duration max) {
    return new Backoff(initial, max);
  }

  /** The wait after the {@code attempt}-th attempt (1 for the first). */
  public Duration delayAfter(int attempt) {
    int doublings = Math.max(0, attempt - 1);
    if (doublings >= 62) {
      return max;
    }
    long millis = initial.toMillis();
    long delay = millis > (Long.MAX_VALUE >> doublings) ? Long.MAX_VALUE : millis << doublings;
    return delay >= max.toMillis() ? max : Duration.ofMillis(delay);
  }
}
