package io.drover.marathon.scheduling;

import io.drover.marathon.instance.HealthState;
import java.time.Instant;
import java.util.Optional;

/**
 * What one check marathon-app runs has seen of one instance, in the shape of Marathon's {@code
 * healthCheckResults}. Failures within the grace period after the task started do not count until the
 * first success (Marathon's rule). Pure.
 */
record CheckVerdict(int consecutiveFailures, Optional<Instant> firstSuccess, Optional<Instant> lastSuccess, Optional<Instant> lastFailure, String lastFailureCause) {
  static final CheckVerdict NONE = new CheckVerdict(0, Optional.empty(), Optional.empty(), Optional.empty(), null);

  /**
   * As a verdict on the instance: unknown until a first result, and while the only failures fell in
   * the grace period before the first success (they do not count); else healthy when alive.
   */
  HealthState state() {
    if (alive()) {
      return HealthState.HEALTHY;
    }
    boolean onlyForgivenFailures = firstSuccess.isEmpty() && consecutiveFailures == 0;
    return lastFailure.isEmpty() || onlyForgivenFailures ? HealthState.UNKNOWN : HealthState.UNHEALTHY;
  }

  boolean alive() {
    return lastSuccess.isPresent() && (lastFailure.isEmpty() || lastSuccess.get().isAfter(lastFailure.get()));
  }

  CheckVerdict succeeded(Instant at) {
    return new CheckVerdict(0, Optional.of(firstSuccess.orElse(at)), Optional.of(at), lastFailure, lastFailureCause);
  }

  CheckVerdict failed(Instant at, String cause, boolean inGracePeriod) {
    boolean counts = !inGracePeriod || firstSuccess.isPresent();
    return new CheckVerdict(counts ? consecutiveFailures + 1 : consecutiveFailures, firstSuccess, lastSuccess, Optional.of(at), cause);
  }
}
