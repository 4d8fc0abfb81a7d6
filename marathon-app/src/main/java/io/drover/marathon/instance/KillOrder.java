package io.drover.marathon.instance;

import io.drover.marathon.app.KillSelection;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Which instances go first when an app has too many, as Marathon chooses: those that are not up
 * (unreachable, then not yet running, then unhealthy) before healthy running ones; among equals, the
 * youngest or the oldest per the app's {@link KillSelection}, by when they started running or else
 * were launched.
 */
public final class KillOrder {
  private KillOrder() {}

  public static List<Instance> choose(KillSelection selection, Collection<Instance> instances, int count) {
    Comparator<Instance> byAge = Comparator.comparing(Instance::age);
    Comparator<Instance> order =
        Comparator.comparingInt(KillOrder::rank)
            .thenComparing(selection == KillSelection.OLDEST_FIRST ? byAge : byAge.reversed())
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
