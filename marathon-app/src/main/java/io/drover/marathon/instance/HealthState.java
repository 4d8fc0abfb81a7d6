package io.drover.marathon.instance;

import java.util.Collection;
import java.util.Optional;

/**
 * A health verdict: of one health check, or of an instance over all of its app's checks ({@link
 * #combine}). Pure.
 */
public enum HealthState {
  HEALTHY,
  UNHEALTHY,
  /** No verdict yet (or no check to give one). */
  UNKNOWN;

  /** From a check's last "alive" answer; empty before its first. */
  public static HealthState of(Optional<Boolean> alive) {
    return alive.map(up -> up ? HEALTHY : UNHEALTHY).orElse(UNKNOWN);
  }

  /**
   * Marathon's rule for an instance: unhealthy if any of its checks says unhealthy, healthy if there
   * are checks and every one says healthy, unknown otherwise (say, before a check's first result).
   */
  public static HealthState combine(Collection<HealthState> checks) {
    if (checks.contains(UNHEALTHY)) {
      return UNHEALTHY;
    }
    return !checks.isEmpty() && checks.stream().allMatch(check -> check == HEALTHY) ? HEALTHY : UNKNOWN;
  }
}
