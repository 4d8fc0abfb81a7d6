package io.drover.core;

import java.time.Duration;

/** How long a framework does not want to see the resources it declined again. */
public record Filters(Duration refuse) {
  public static final Duration DEFAULT_REFUSE = Duration.ofSeconds(5);
  public static final Filters DEFAULT = new Filters(DEFAULT_REFUSE);

  public Filters {
    if (refuse == null || refuse.isNegative()) {
      throw new InvalidValueException("refuse duration must be >= 0");
    }
  }

  public static Filters refuseSeconds(double seconds) {
    if (!(seconds >= 0) || Double.isInfinite(seconds)) {
      throw new InvalidValueException("refuseSeconds must be a finite number >= 0, not " + seconds);
    }
    return new Filters(Duration.ofNanos(Math.round(seconds * 1e9)));
  }
}
