package io.drover.allocator;

import io.drover.core.Resources;
import java.util.HashMap;
import java.util.Map;

/**
 * The decline filters placed on one agent, by role and framework. They are kept with the agent, not the
 * framework, so that a look at one agent reads one small table.
 */
final class AgentFilters {
  private final Map<String, Map<FrameworkState, OfferFilter>> byRole = new HashMap<>(4);
  /** What the last filter refused: frameworks tend to decline the same free resources of an agent. */
  private Resources lastRefused = Resources.EMPTY;

  /**
   * Places the framework's filter for the role, replacing any earlier one: the latest decline wins. Equal
   * refused resources share one instance, so that a look at the agent can test each of them once.
   */
  void place(String role, FrameworkState framework, Resources refused, long expiresAt) {
    if (refused != lastRefused && refused.equals(lastRefused)) {
      refused = lastRefused;
    }
    lastRefused = refused;
    OfferFilter filter = new OfferFilter(refused, expiresAt, framework.filterStamp());
    byRole.computeIfAbsent(role, r -> new HashMap<>()).put(framework, filter);
  }

  /**
   * The framework's filter for the role if it is still in force (not expired, not revived away), or null.
   * A filter no longer in force is dropped on the way.
   */
  OfferFilter inForce(String role, FrameworkState framework, long now) {
    Map<FrameworkState, OfferFilter> byFramework = byRole.get(role);
    if (byFramework == null) {
      return null;
    }
    OfferFilter filter = byFramework.get(framework);
    if (filter == null) {
      return null;
    }
    if (now >= filter.expiresAt() || !framework.filterStands(role, filter.stamp())) {
      byFramework.remove(framework);
      return null;
    }
    return filter;
  }

  void forget(FrameworkState framework) {
    for (Map<FrameworkState, OfferFilter> byFramework : byRole.values()) {
      byFramework.remove(framework);
    }
  }
}
