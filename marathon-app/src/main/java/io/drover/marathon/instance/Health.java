package io.drover.marathon.instance;

import io.drover.core.InvalidValueException;
import java.time.Instant;
import java.util.Optional;

/**
 * What the health check the agent runs next to the task last said of an instance: {@code healthy} is empty until a first
 * verdict; {@code consecutiveFailures} counts unhealthy reports since the last healthy one and {@code
 * unhealthySince} is when that run of failures began.
 */
public record Health(Optional<Boolean> healthy, int consecutiveFailures, Optional<Instant> unhealthySince) {
  public static final Health UNKNOWN = new Health(Optional.empty(), 0, Optional.empty());

  public Health {
    healthy = healthy == null ? Optional.empty() : healthy;
    unhealthySince = unhealthySince == null ? Optional.empty() : unhealthySince;
    if (consecutiveFailures < 0) {
      throw new InvalidValueException("consecutiveFailures must be >= 0");
    }
  }

  /** After a status update that carries {@code report} (or none). */
  public Health after(Optional<Boolean> report, Instant now) {
    if (report.isEmpty()) {
      return this;
    }
    if (report.get()) {
      return new Health(Optional.of(true), 0, Optional.empty());
    }
    return new Health(Optional.of(false), consecutiveFailures + 1, Optional.of(unhealthySince.orElse(now)));
  }

  public HealthState state() {
    return HealthState.of(healthy);
  }

  public boolean isHealthy() {
    return healthy.orElse(false);
  }

  public boolean isUnhealthy() {
    return healthy.isPresent() && !healthy.get();
  }
}
