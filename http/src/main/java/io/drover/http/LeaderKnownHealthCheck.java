package io.drover.http;

import com.codahale.metrics.health.HealthCheck;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Healthy while the process knows which process of its kind leads, itself or another: without a leader
 * nothing gets decided, however well this process runs. For Dropwizard's {@code /admin/healthcheck}.
 */
public final class LeaderKnownHealthCheck extends HealthCheck {
  private final Supplier<Optional<String>> leader;

  /** @param leader describes the leader as known now, empty when none is */
  public LeaderKnownHealthCheck(Supplier<Optional<String>> leader) {
    this.leader = leader;
  }

  @Override
  protected Result check() {
    return leader.get().map(known -> Result.healthy("leader: " + known)).orElseGet(() -> Result.unhealthy("no leader is known"));
  }
}
