package io.drover.marathon.scheduling;

import io.drover.core.HealthCheck;
import io.drover.marathon.instance.Condition;
import io.drover.marathon.instance.Health;
import io.drover.marathon.instance.Instance;
import java.time.Instant;
import java.util.Optional;

/**
 * When a running instance has failed the health check the agent runs for good: after {@code maxConsecutiveFailures}
 * unhealthy reports in a row, or, for an agent that reports only changes of health, once it has been
 * unhealthy for that many check intervals. {@code maxConsecutiveFailures} 0 never kills. Pure.
 */
final class HealthPolicy {
  private HealthPolicy() {}

  static boolean failedForGood(Instance instance, Optional<HealthCheck> check, Instant now) {
    if (check.isEmpty() || check.get().maxConsecutiveFailures() == 0) {
      return false;
    }
    if (instance.condition() != Condition.RUNNING || instance.kill().isPresent()) {
      return false;
    }
    Health health = instance.agentHealth();
    int max = check.get().maxConsecutiveFailures();
    if (health.consecutiveFailures() >= max) {
      return true;
    }
    return health.unhealthySince().map(since -> !now.isBefore(since.plus(check.get().interval().multipliedBy(max)))).orElse(false);
  }
}
