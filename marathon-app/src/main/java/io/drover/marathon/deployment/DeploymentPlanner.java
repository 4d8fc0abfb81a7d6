package io.drover.marathon.deployment;

import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.app.PathId;
import io.drover.marathon.group.RootGroup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns (current root group, target root group) into a {@link DeploymentPlan}, as Marathon orders it:
 * first one step stopping every removed app, then one step per dependency depth of the target (apps
 * with no dependencies first) starting new apps, restarting changed ones and scaling the rest that
 * changed only in {@code instances}. Pure; the target must be free of dependency cycles (check with
 * {@link RootGroup#dependencyCycle()} first).
 */
public final class DeploymentPlanner {
  private DeploymentPlanner() {}

  public static DeploymentPlan plan(String id, RootGroup current, RootGroup target, Instant version) {
    List<DeploymentStep> steps = new ArrayList<>();
    TreeMap<PathId, AppDefinition> original = new TreeMap<>();
    TreeMap<PathId, AppDefinition> wanted = new TreeMap<>();

    List<DeploymentAction> stops = new ArrayList<>();
    for (AppDefinition app : current.apps()) {
      if (target.app(app.id()).isEmpty()) {
        stops.add(DeploymentAction.stop(app));
        original.put(app.id(), app);
      }
    }
    if (!stops.isEmpty()) {
      steps.add(new DeploymentStep(stops));
    }

    Map<PathId, Integer> depths = target.dependencyDepths();
    TreeMap<Integer, List<DeploymentAction>> byDepth = new TreeMap<>();
    for (AppDefinition app : target.apps()) {
      AppDefinition before = current.app(app.id()).orElse(null);
      DeploymentAction action = actionFor(before, app);
      if (action != null) {
        byDepth.computeIfAbsent(depths.getOrDefault(app.id(), 0), depth -> new ArrayList<>()).add(action);
        wanted.put(app.id(), app);
        if (before != null) {
          original.put(app.id(), before);
        }
      }
    }
    byDepth.values().forEach(actions -> steps.add(new DeploymentStep(actions)));
    return new DeploymentPlan(id, version, steps, original, wanted);
  }

  private static DeploymentAction actionFor(AppDefinition before, AppDefinition after) {
    if (before == null) {
      return DeploymentAction.start(after);
    }
    if (after.needsRestartFrom(before)) {
      return DeploymentAction.restart(after);
    }
    if (!after.instances().equals(before.instances())) {
      return DeploymentAction.scale(after);
    }
    return null;
  }
}
