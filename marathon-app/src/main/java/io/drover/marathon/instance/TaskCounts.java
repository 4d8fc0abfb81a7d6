package io.drover.marathon.instance;

import java.util.Collection;

/**
 * An app's {@code tasksStaged}, {@code tasksRunning}, {@code tasksHealthy} and {@code tasksUnhealthy},
 * counted as Marathon does: staged are launched but not yet running; health is counted among running
 * instances by {@link Instance#health} (all of the app's checks), leaving out those without a verdict.
 */
public record TaskCounts(int staged, int running, int healthy, int unhealthy) {
  public static final TaskCounts NONE = new TaskCounts(0, 0, 0, 0);

  public static TaskCounts of(Collection<Instance> instances) {
    int staged = 0;
    int running = 0;
    int healthy = 0;
    int unhealthy = 0;
    for (Instance instance : instances) {
      if (instance.condition().isStaged()) {
        staged++;
      } else if (instance.condition() == Condition.RUNNING) {
        running++;
        HealthState health = instance.health();
        healthy += health == HealthState.HEALTHY ? 1 : 0;
        unhealthy += health == HealthState.UNHEALTHY ? 1 : 0;
      }
    }
    return new TaskCounts(staged, running, healthy, unhealthy);
  }
}
