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
  /** Its number among the frameworks now known, which indexes per-agent tables ({@link FrameworkSlots}). */
  final int slot;
  final FrameworkId id;
  /** The framework's name in the sorters. */
  final String key;
  private SortedSet<String> roles;
  boolean active;
  boolean removed;
  private final Set<String> suppressed = new HashSet<>();
  /** How many revives it made, and after which one each role was last revived. */
  private long revivals;
  private final Map<String, Long> roleRevivedAt = new HashMap<>();
  /** The agents where it holds resources. */
  final Set<AgentState> holdings = new LinkedHashSet<>();
  /** The scalars it holds over all agents and roles. */
  Resources allocated = Resources.EMPTY;

  FrameworkState(int slot, FrameworkId id, FrameworkInfo info, boolean active) {
    this.slot = slot;
    this.id = id;
    this.key = id.value();
    this.roles = new TreeSet<>(info.roles());
    this.active = active;
  }

  SortedSet<String> roles() {
    return roles;
  }

  /** A re-subscription: roles it drops lose their suppression and filters. Returns the dropped roles. */
  Set<String> resubscribe(Collection<String> newRoles) {
    Set<String> dropped = new TreeSet<>(roles);
    dropped.removeAll(newRoles);
    revive(dropped);
    roles = new TreeSet<>(newRoles);
    return dropped;
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

  /** Un-suppresses the roles and ends every filter placed for them so far. */
  void revive(Collection<String> which) {
    suppressed.removeAll(which);
    revivals++;
    for (String role : which) {
      roleRevivedAt.put(role, revivals);
    }
  }

  /** Stamps a filter placed now, for {@link #filterStands}. */
  long filterStamp() {
    return revivals;
  }

  /** Whether a filter of the role stamped {@code stamp} was not revived away since. */
  boolean filterStands(String role, long stamp) {
    return stamp == revivals || roleRevivedAt.getOrDefault(role, 0L) <= stamp;
  }
}
