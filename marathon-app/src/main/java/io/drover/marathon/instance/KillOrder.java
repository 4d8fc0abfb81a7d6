package io.drover.marathon.instance;

import io.drover.core.AgentId;
import io.drover.marathon.app.KillSelection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which instances go first when an app has too many, as Marathon chooses: those that are not up
 * (unreachable, then not yet running, then unhealthy by any of its checks) before healthy running ones; among equals, the
 * one from the agent with the most instances left (so that a scaled-down app stays spread), then the
 * youngest or the oldest per the app's {@link KillSelection}, by when they started running or else
 * were launched.
 */
public final class KillOrder {
  private KillOrder() {}

  public static List<Instance> choose(KillSelection selection, Collection<Instance> instances, int count) {
    Comparator<Instance> byAge = Comparator.comparing(Instance::age);
    List<Instance> remaining = new ArrayList<>(instances);
    List<Instance> chosen = new ArrayList<>();
    while (chosen.size() < count && !remaining.isEmpty()) {
      Map<AgentId, Integer> perAgent = new HashMap<>();
      remaining.forEach(instance -> perAgent.merge(instance.agentId(), 1, Integer::sum));
      Comparator<Instance> order =
          Comparator.comparingInt(KillOrder::rank)
              .thenComparing(instance -> -perAgent.get(instance.agentId()))
              .thenComparing(selection == KillSelection.OLDEST_FIRST ? byAge : byAge.reversed())
              .thenComparing(Instance::id);
      Instance next = remaining.stream().min(order).orElseThrow();
      remaining.remove(next);
      chosen.add(next);
    }
    return List.copyOf(chosen);
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
    if (instance.health() == HealthState.UNHEALTHY) {
      return 3;
    }
    return 4;
  }
}
