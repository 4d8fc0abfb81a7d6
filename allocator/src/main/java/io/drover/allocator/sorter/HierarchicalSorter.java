package io.drover.allocator.sorter;

import io.drover.core.Resources;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Mesos's two levels of sorting: the roles by weighted dominant share, then the frameworks of a role by
 * theirs. A framework in several roles competes in each, with what it holds under that role.
 *
 * <p>A framework stays in a role's sorter while it subscribes to the role or holds resources under it,
 * and a role stays while any framework does.
 */
public final class HierarchicalSorter {
  private final SorterFactory factory;
  private final ClusterTotals totals;
  private final Sorter roles;
  private final Map<String, Sorter> frameworksByRole = new LinkedHashMap<>();
  private final Map<String, Set<String>> subscribers = new HashMap<>();
  private final Map<String, Double> weights = new HashMap<>();
  /** How many changes could have moved anyone in the orders, apart from those of the totals. */
  private long changes;

  public HierarchicalSorter(SorterFactory factory, ClusterTotals totals) {
    this.factory = factory;
    this.totals = totals;
    this.roles = factory.create(totals);
  }

  public void subscribe(String framework, String role) {
    changes++;
    subscribers.computeIfAbsent(role, r -> new HashSet<>()).add(framework);
    join(framework, role);
  }

  public void unsubscribe(String framework, String role) {
    changes++;
    Set<String> subscribed = subscribers.get(role);
    if (subscribed != null && subscribed.remove(framework) && subscribed.isEmpty()) {
      subscribers.remove(role);
    }
    leaveIfIdle(framework, role);
  }

  public boolean subscribes(String framework, String role) {
    Set<String> subscribed = subscribers.get(role);
    return subscribed != null && subscribed.contains(framework);
  }

  /** Only scalars are shared, so resources without any (a port range alone) change nothing here. */
  public void allocated(String framework, String role, Resources resources) {
    if (resources.scalarNames().isEmpty()) {
      return;
    }
    changes++;
    join(framework, role).allocated(framework, resources);
    roles.allocated(role, resources);
  }

  public void unallocated(String framework, String role, Resources resources) {
    if (resources.scalarNames().isEmpty()) {
      return;
    }
    Sorter frameworks = frameworksByRole.get(role);
    if (frameworks == null || !frameworks.contains(framework)) {
      throw new IllegalStateException("framework '" + framework + "' holds nothing under role '" + role + "'");
    }
    changes++;
    frameworks.unallocated(framework, resources);
    roles.unallocated(role, resources);
    leaveIfIdle(framework, role);
  }

  /** A role's weight: with weight 2 its fair share is twice that of a role with weight 1. */
  public void updateWeight(String role, double weight) {
    changes++;
    if (roles.contains(role)) {
      roles.updateWeight(role, weight);
    }
    weights.put(role, weight);
  }

  /**
   * Changes whenever {@link #sortedRoles} or {@link #sortedFrameworks} could change, if they
   * {@link #repeatOrders}: a subscription, an allocation, a weight or the cluster's totals changed.
   */
  public long version() {
    return changes + totals.version();
  }

  /** Whether the orders stay the same until {@link #version} changes (DRF), or are drawn afresh (random). */
  public boolean repeatOrders() {
    if (!roles.repeatsOrder()) {
      return false;
    }
    for (Sorter frameworks : frameworksByRole.values()) {
      if (!frameworks.repeatsOrder()) {
        return false;
      }
    }
    return true;
  }

  public Iterable<String> sortedRoles() {
    return roles.sorted();
  }

  /** The frameworks of a role that is in {@link #sortedRoles}, in order. */
  public Iterable<String> sortedFrameworks(String role) {
    return frameworksByRole.get(role).sorted();
  }

  public String firstRole(Collection<String> candidates) {
    return roles.first(candidates);
  }

  public String firstFramework(String role, Collection<String> candidates) {
    return frameworksByRole.get(role).first(candidates);
  }

  /** The dominant share of each role, not weighted. */
  public Map<String, Double> roleDominantShares() {
    Map<String, Double> shares = new HashMap<>();
    for (String role : frameworksByRole.keySet()) {
      shares.put(role, totals.dominantShare(roles.allocation(role)));
    }
    return shares;
  }

  private Sorter join(String framework, String role) {
    Sorter frameworks =
        frameworksByRole.computeIfAbsent(
            role,
            r -> {
              roles.add(r);
              roles.updateWeight(r, weights.getOrDefault(r, 1.0));
              return factory.create(totals);
            });
    if (!frameworks.contains(framework)) {
      frameworks.add(framework);
    }
    return frameworks;
  }

  private void leaveIfIdle(String framework, String role) {
    Sorter frameworks = frameworksByRole.get(role);
    if (frameworks == null
        || !frameworks.contains(framework)
        || subscribes(framework, role)
        || !frameworks.allocation(framework).isEmpty()) {
      return;
    }
    frameworks.remove(framework);
    if (frameworks.isEmpty()) {
      frameworksByRole.remove(role);
      roles.remove(role);
    }
  }
}
