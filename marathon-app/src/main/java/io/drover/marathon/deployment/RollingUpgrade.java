package io.drover.marathon.deployment;

import io.drover.marathon.app.UpgradeStrategy;

/**
 * Marathon's rolling-replacement arithmetic as a pure function. For {@code n} wanted instances with
 * minimumHealthCapacity {@code m} and maximumOverCapacity {@code o}: at least {@code ceil(n*m)}
 * instances (old or new) stay healthy, and at most {@code n + floor(n*o)} are alive at once.
 *
 * <p>Call {@link #next} whenever the counts change (an instance launched, became healthy, ended) and
 * apply the move it returns: kill that many old instances (unhealthy ones first) and launch that many
 * new ones. When the bounds leave no room at all (m = 1 and o = 0), one old instance is killed while
 * nothing new is pending, as Marathon does; that is the only time the healthy count dips below
 * {@code ceil(n*m)}.
 */
public final class RollingUpgrade {
  private RollingUpgrade() {}

  /**
   * Instance counts during a replacement. "Alive" counts instances launched and not yet terminal
   * (staging, starting, running, killing not yet confirmed); "healthy" counts alive instances that are
   * running and pass their health checks (or have none).
   */
  public record Counts(int oldAlive, int oldHealthy, int newAlive, int newHealthy) {
    public Counts {
      if (oldHealthy > oldAlive || newHealthy > newAlive || oldHealthy < 0 || newHealthy < 0) {
        throw new IllegalArgumentException("healthy counts must lie within the alive counts: " + this);
      }
    }
  }

  /** How many old instances to kill now (unhealthy ones first) and how many new ones to launch now. */
  public record Move(int killOld, int launchNew) {
    public static final Move NONE = new Move(0, 0);
  }

  public static int minimumHealthy(int instances, UpgradeStrategy strategy) {
    return (int) Math.ceil(instances * strategy.minimumHealthCapacity());
  }

  public static int maximumAlive(int instances, UpgradeStrategy strategy) {
    return instances + (int) Math.floor(instances * strategy.maximumOverCapacity());
  }

  /** The next move towards {@code instances} new healthy instances and no old one. */
  public static Move next(int instances, UpgradeStrategy strategy, Counts counts) {
    int minimumHealthy = minimumHealthy(instances, strategy);
    int maximumAlive = maximumAlive(instances, strategy);
    int oldUnhealthy = counts.oldAlive() - counts.oldHealthy();
    int healthySpare = Math.max(0, counts.oldHealthy() + counts.newHealthy() - minimumHealthy);
    int kill = Math.min(counts.oldAlive(), oldUnhealthy + healthySpare);
    int aliveAfterKill = counts.oldAlive() - kill + counts.newAlive();
    int launch = Math.max(0, Math.min(instances - counts.newAlive(), maximumAlive - aliveAfterKill));
    boolean nothingPending = counts.newAlive() == counts.newHealthy();
    if (kill == 0 && launch == 0 && nothingPending && counts.oldAlive() > 0) {
      kill = 1;
    }
    return new Move(kill, launch);
  }

  /** True once {@code instances} new instances are healthy and no old one is alive. */
  public static boolean isComplete(int instances, Counts counts) {
    return counts.oldAlive() == 0 && counts.newHealthy() >= instances;
  }
}
