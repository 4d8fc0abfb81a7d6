package io.drover.allocator;

import io.drover.core.Resources;
import java.util.HashMap;
import java.util.Map;

/**
 * The decline filters placed on one agent, by role and framework. They are kept with the agent, not the
 * framework, so that a look at one agent reads one small table per role.
 *
 * <p>Like Mesos, a filter refuses only while what is free on the agent is contained in what was declined:
 * an agent with more to give is offered again.
 */
final class AgentFilters {
  private final Map<String, RoleFilters> byRole = new HashMap<>(4);
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
    byRole.computeIfAbsent(role, RoleFilters::new).place(framework, refused, expiresAt);
  }

  /** The filters of the role, or null when none was ever placed for it here. */
  RoleFilters of(String role) {
    return byRole.get(role);
  }

  void forget(FrameworkState framework) {
    for (RoleFilters filters : byRole.values()) {
      filters.forget(framework);
    }
  }

  /** Whether a filter that refused {@code refused} refuses an agent with {@code free} free. */
  static boolean refuses(Resources refused, Resources free) {
    return free == refused || refused.contains(free);
  }
}
