package io.drover.marathon.deployment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.app.PathId;
import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one change of the root group takes: ordered steps, and the affected apps' definitions before
 * ({@code original}, absent for new apps) and after ({@code target}, absent for removed apps), which
 * is all a rollback needs. {@code version} is the root group version the deployment leads to.
 */
public record DeploymentPlan(
    String id,
    Instant version,
    List<DeploymentStep> steps,
    NavigableMap<PathId, AppDefinition> original,
    NavigableMap<PathId, AppDefinition> target) {
  public DeploymentPlan {
    steps = List.copyOf(steps);
    original = java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(original));
    target = java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(target));
  }

  /** Every app the plan touches, in id order. */
  public Set<PathId> affectedApps() {
    TreeMap<PathId, Boolean> ids = new TreeMap<>();
    steps.forEach(step -> step.actions().forEach(action -> ids.put(action.appId(), true)));
    return ids.keySet();
  }

  @JsonIgnore
  public boolean isEmpty() {
    return steps.isEmpty();
  }

  public boolean affects(PathId appId) {
    return steps.stream().anyMatch(step -> step.actions().stream().anyMatch(action -> action.appId().equals(appId)));
  }
}
