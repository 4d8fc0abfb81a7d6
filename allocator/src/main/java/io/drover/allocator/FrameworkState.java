package io.drover.allocator;

import io.drover.core.FrameworkId;
import io.drover.core.FrameworkInfo;
import io.drover.core.Resources;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** What the allocator knows of one framework. Compared by identity: a re-added id is a new framework. */
final class FrameworkState {
  final FrameworkId id;
  /** The framework's name in the sorters. */
  final String key;
  private SortedSet<String> roles;
  boolean active;
  boolean removed;
  private final Set<String> suppressed = new HashSet<>();
  private final Map<String, Map<AgentState, OfferFilter>> filtersByRole = new HashMap<>();
  /** The agents where it holds resources. */
  final Set<AgentState> holdings = new LinkedHashSet<>();
  /** The scalars it holds over all agents and roles. */
  Resources allocated = Resources.EMPTY;

  FrameworkState(FrameworkId id, FrameworkInfo info, boolean active) {
    this.id = id;
    this.key = id.value();
    this.roles = new TreeSet<>(info.roles());
    this.active = active;
  }

  SortedSet<String> roles() {
    return roles;
  }

  void roles(Collection<String> newRoles) {
    roles = new TreeSet<>(newRoles);
    suppressed.retainAll(roles);
    filtersByRole.keySet().retainAll(roles);
  }

  /** The role that holds resources the allocator learns of without a role: tasks found at recovery. */
  String firstRole() {
    return roles.first();
  }

  /** Whether the role may be offered anything at all (filters aside). */
  boolean offerable(String role) {
    return active && roles.contains(role) && !suppressed.contains(role);
  }

  void suppress(Collection<String> which) {
    for (String role : which) {
      if (roles.contains(role)) {
        suppressed.add(role);
      }
    }
  }

  /** Un-suppresses the roles and drops their filters. */
  void revive(Collection<String> which) {
    suppressed.removeAll(which);
    filtersByRole.keySet().removeAll(which);
  }

  void refuse(String role, AgentState agent, OfferFilter filter) {
    filtersByRole.computeIfAbsent(role, r -> new HashMap<>()).put(agent, filter);
  }

  /** The role's unexpired filter on the agent, or null; an expired one is dropped on the way. */
  OfferFilter liveFilter(String role, AgentState agent, long now) {
    Map<AgentState, OfferFilter> byAgent = filtersByRole.get(role);
    if (byAgent == null) {
      return null;
    }
    OfferFilter filter = byAgent.get(agent);
    if (filter != null && filter.expired(now)) {
      byAgent.remove(agent);
      return null;
    }
    return filter;
  }

  void forgetFilters(AgentState agent) {
    for (Map<AgentState, OfferFilter> byAgent : filtersByRole.values()) {
      byAgent.remove(agent);
    }
  }

  void forgetAllFilters() {
    filtersByRole.clear();
  }
}
