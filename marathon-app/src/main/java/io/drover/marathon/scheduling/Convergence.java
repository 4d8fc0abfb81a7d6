package io.drover.marathon.scheduling;

import io.drover.core.AgentId;
import io.drover.marathon.instance.Instance;
import io.drover.marathon.app.KillSelection;
import io.drover.marathon.instance.KillOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides how an app version reaches its target: how many instances to launch, or which to kill.
 * Pure. Only counted instances matter (see {@link Instance#isCounted}); those asked to be killed for
 * good, or given up as unreachable, are already out.
 */
final class Convergence {
  /** Launch {@code launch} more instances, or kill {@code kill}. */
  record Plan(int launch, List<Instance> kill) {
    Plan {
      kill = List.copyOf(kill);
    }
  }

  private Convergence() {}

  /** A fixed number of instances: the surplus is chosen by the app's kill selection. */
  static Plan toTarget(int target, Collection<Instance> ofVersion, KillSelection selection) {
    List<Instance> counted = ofVersion.stream().filter(Instance::isCounted).toList();
    if (counted.size() > target) {
      return new Plan(0, KillOrder.choose(selection, counted, counted.size() - target));
    }
    return new Plan(target - counted.size(), List.of());
  }

  /**
   * Global mode: one instance per agent, at most {@code cap} of this version. An agent with two
   * instances of the version loses the surplus one; new instances go to known agents that run none of
   * the app (any version).
   */
  static Plan global(int cap, Collection<Instance> ofVersion, Collection<Instance> ofApp, Set<AgentId> knownAgents, KillSelection selection) {
    Map<AgentId, List<Instance>> byAgent =
        ofVersion.stream().filter(Instance::isCounted).collect(Collectors.groupingBy(Instance::agentId, LinkedHashMap::new, Collectors.toList()));
    List<Instance> kill = new ArrayList<>();
    List<Instance> kept = new ArrayList<>();
    byAgent.values()
        .forEach(
            onAgent -> {
              List<Instance> surplus = KillOrder.choose(selection, onAgent, onAgent.size() - 1);
              kill.addAll(surplus);
              onAgent.stream().filter(i -> !surplus.contains(i)).forEach(kept::add);
            });
    if (kept.size() > cap) {
      kill.addAll(KillOrder.choose(selection, kept, kept.size() - cap));
      return new Plan(0, kill);
    }
    Set<AgentId> covered = ofApp.stream().filter(Instance::isCounted).map(Instance::agentId).collect(Collectors.toSet());
    long uncovered = knownAgents.stream().filter(a -> !covered.contains(a)).count();
    return new Plan((int) Math.min(cap - kept.size(), uncovered), kill);
  }
}
