package io.drover.marathon.instance;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Which instances go first when an app has too many, as Marathon chooses: those that are not up
 * (unreachable, then not yet running, then unhealthy) before healthy running ones; among equals, the
 * youngest (the default) or the oldest, by when they started running or else were launched.
 */
public enum KillSelection {
  YOUNGEST_FIRST,
  OLDEST_FIRST;

  public List<Instance> choose(Collection<Instance> instances, int count) {
    Comparator<Instance> byAge = Comparator.comparing(Instance::age);
    Comparator<Instance> order =
        Comparator.comparingInt(KillSelection::rank)
            .thenComparing(this == YOUNGEST_FIRST ? byAge.reversed() : byAge)
            .thenComparing(Instance::id);
    return instances.stream().sorted(order).limit(Math.max(0, count)).toList();
  }

  private static int rank(Instance instance) {
    Condition condition = instance.condition();
    if (condition == Condition.UNREACHABLE_INACTIVE) {
      return 0;
    }
    if (condition == Condition.UNREACHABLE) {
      return 1;
    }
    if (condition.isStaged()) {
      return 2;
    }
    if (instance.health().isUnhealthy()) {
      return 3;
    }
    return 4;
  }
}
