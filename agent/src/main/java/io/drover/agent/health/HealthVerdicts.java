package io.drover.agent.health;

import io.drover.core.HealthCheck;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides a task's health from its probes' outcomes, as Mesos does: failures within the grace period
 * (counted from the task's start) are forgiven until the first success ends it; after that the task is
 * unhealthy once {@code maxConsecutiveFailures} probes in a row failed (at least one), and healthy again
 * on the next success. Only changes are verdicts: the first one, and every flip.
 *
 * <p>Pure: time comes in with each outcome. Not thread-safe; one task's probes run one after another.
 */
public final class HealthVerdicts {
  private final Instant graceEnds;
  private final int failuresToUnhealthy;
  private boolean graceOver;
  private int consecutiveFailures;
  private Optional<Boolean> healthy = Optional.empty();

  public HealthVerdicts(HealthCheck check, Instant started) {
    this.graceEnds = started.plus(check.gracePeriod());
    // Mesos treats 0 as "the first failure counts".
    this.failuresToUnhealthy = Math.max(1, check.maxConsecutiveFailures());
  }

  /** Records one probe's outcome; returns the new health when it changed. */
  public Optional<Boolean> record(boolean passed, Instant at) {
    if (passed) {
      graceOver = true;
      consecutiveFailures = 0;
      return change(true);
    }
    if (!graceOver && at.isBefore(graceEnds)) {
      return Optional.empty();
    }
    graceOver = true;
    consecutiveFailures++;
    return consecutiveFailures >= failuresToUnhealthy ? change(false) : Optional.empty();
  }

  /** The health last decided; empty before the first verdict. */
  public Optional<Boolean> healthy() {
    return healthy;
  }

  public int consecutiveFailures() {
    return consecutiveFailures;
  }

  private Optional<Boolean> change(boolean now) {
    if (healthy.equals(Optional.of(now))) {
      return Optional.empty();
    }
    healthy = Optional.of(now);
    return healthy;
  }
}
