package io.drover.marathon.scheduling;

import io.drover.marathon.deployment.RollingUpgrade;
import io.drover.marathon.instance.Condition;
import io.drover.marathon.instance.HealthState;
import io.drover.marathon.instance.Instance;
import java.util.List;

/**
 * Where a deployment action stands, judged from its app's instances. Pure. An instance is alive from
 * its launch until it ends (even while being killed), unless it was given up as unreachable.
 */
final class ActionProgress {
  /** The rolling-upgrade counts, and how many of the old alive instances are already being killed. */
  record Restart(RollingUpgrade.Counts counts, int oldBeingKilled) {}

  private ActionProgress() {}

  /**
   * Running, counted, and healthy by every one of its app's checks ({@link Instance#health}), or, for
   * an app without checks, running and not known to be unhealthy.
   */
  static boolean isHealthy(Instance instance, boolean hasHealthChecks) {
    if (instance.condition() != Condition.RUNNING || !instance.isCounted()) {
      return false;
    }
    HealthState health = instance.health();
    return hasHealthChecks ? health == HealthState.HEALTHY : health != HealthState.UNHEALTHY;
  }

  /**
   * A start or scale is done when exactly {@code target} instances of the version are alive and all of
   * them are healthy (so those being killed have ended); a global app's when it runs somewhere, nothing
   * waits to launch and every alive instance is healthy (a global app with no agent to run on is not
   * done: agents are known only once they offer).
   */
  static boolean scaled(RunSpec spec, int target, List<Instance> ofApp, int waitingToLaunch) {
    List<Instance> alive = ofApp.stream().filter(i -> i.appVersion().equals(spec.version()) && i.occupiesAgent()).toList();
    boolean hasChecks = !spec.healthChecks().isEmpty();
    long healthy = alive.stream().filter(i -> isHealthy(i, hasChecks)).count();
    if (spec.isGlobal()) {
      return waitingToLaunch == 0 && !alive.isEmpty() && healthy == alive.size();
    }
    return alive.size() == target && healthy == target;
  }

  /** The rolling-upgrade counts: instances of {@code next}'s version are new, all others old. */
  static Restart restart(RunSpec next, boolean oldHaveHealthChecks, List<Instance> ofApp) {
    int oldAlive = 0;
    int oldHealthy = 0;
    int oldBeingKilled = 0;
    int newAlive = 0;
    int newHealthy = 0;
    boolean newHaveHealthChecks = !next.healthChecks().isEmpty();
    for (Instance instance : ofApp) {
      if (!instance.occupiesAgent()) {
        continue;
      }
      if (instance.appVersion().equals(next.version())) {
        newAlive++;
        newHealthy += isHealthy(instance, newHaveHealthChecks) ? 1 : 0;
      } else {
        oldAlive++;
        oldHealthy += isHealthy(instance, oldHaveHealthChecks) ? 1 : 0;
        oldBeingKilled += instance.isDecommissioned() ? 1 : 0;
      }
    }
    return new Restart(new RollingUpgrade.Counts(oldAlive, oldHealthy, newAlive, newHealthy), oldBeingKilled);
  }
}
