package io.drover.marathon.scheduling;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How the scheduler treats offers and kills: offers it cannot use are declined for {@code
 * declineRefuse} while instances wait (so they come back soon), and for {@code idleDeclineRefuse} when
 * nothing waits; a revive that only lifts decline filters (the scheduler is not suppressed) comes at
 * most every {@code minReviveInterval}, as Marathon's {@code min_revive_offers_interval}, since each one
 * has the master offer every agent again; kills not answered by an end are sent again every {@code killRetryInterval}; {@code
 * keepGpuAgentsForGpuApps} declines GPU agents for apps that need no GPU; {@code roles} are the roles
 * suppressed and revived (empty: all of the framework's).
 */
public record SchedulerConfig(
    Duration declineRefuse,
    Duration idleDeclineRefuse,
    Duration minReviveInterval,
    Duration killRetryInterval,
    boolean keepGpuAgentsForGpuApps,
    Set<String> roles) {
  public static final SchedulerConfig DEFAULTS =
      new SchedulerConfig(Duration.ofSeconds(5), Duration.ofSeconds(120), Duration.ofSeconds(5), Duration.ofSeconds(30), false, Set.of());

  public SchedulerConfig {
    Objects.requireNonNull(declineRefuse, "declineRefuse");
    Objects.requireNonNull(idleDeclineRefuse, "idleDeclineRefuse");
    Objects.requireNonNull(minReviveInterval, "minReviveInterval");
    Objects.requireNonNull(killRetryInterval, "killRetryInterval");
    roles = Set.copyOf(roles == null ? Set.of() : roles);
  }
}
