package io.drover.allocator;

import io.drover.allocator.sorter.HierarchicalSorter;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * The (role, framework) pairs that may be offered (active, subscribed, not suppressed), in the sorters'
 * order, for the agents of one allocation run. The pairs are read from the sorters only as far as someone
 * asks, and what was read is kept for the next agent as long as the sorters' {@link
 * HierarchicalSorter#version} stays the same and their orders repeat: the first look at every agent after
 * mass declines then walks a thousand frameworks in an array, instead of walking the sorters' trees and
 * looking each framework up again.
 *
 * <p>Only valid within one run: whether a framework may be offered does not change during a run.
 */
final class OfferOrder {
  private final HierarchicalSorter sorter;
  private final Map<String, FrameworkState> frameworks;
  private final boolean repeats;
  private long readForVersion = -1;
  private String[] roles = new String[16];
  private FrameworkState[] offerable = new FrameworkState[16];
  private int read;
  private Iterator<String> roleIterator;
  private String role;
  private Iterator<String> frameworkIterator;

  OfferOrder(HierarchicalSorter sorter, Map<String, FrameworkState> frameworks) {
    this.sorter = sorter;
    this.frameworks = frameworks;
    this.repeats = sorter.repeatOrders();
  }

  /** Starts a look at an agent: what was read is forgotten if the order may have changed since. */
  void startLook() {
    if (!repeats || readForVersion != sorter.version()) {
      readForVersion = sorter.version();
      Arrays.fill(offerable, 0, read, null);
      read = 0;
      roleIterator = null;
      frameworkIterator = null;
      role = null;
    }
  }

  /** Whether there is an i-th pair; the pairs before it must have been asked for. */
  boolean has(int i) {
    return i < read || readNext();
  }

  String role(int i) {
    return roles[i];
  }

  FrameworkState framework(int i) {
    return offerable[i];
  }

  private boolean readNext() {
    if (roleIterator == null) {
      roleIterator = sorter.sortedRoles().iterator();
    }
    while (true) {
      while (frameworkIterator != null && frameworkIterator.hasNext()) {
        FrameworkState framework = frameworks.get(frameworkIterator.next());
        if (framework.offerable(role)) {
          append(role, framework);
          return true;
        }
      }
      if (!roleIterator.hasNext()) {
        return false;
      }
      role = roleIterator.next();
      frameworkIterator = sorter.sortedFrameworks(role).iterator();
    }
  }

  private void append(String role, FrameworkState framework) {
    if (read == offerable.length) {
      roles = Arrays.copyOf(roles, read * 2);
      offerable = Arrays.copyOf(offerable, read * 2);
    }
    roles[read] = role;
    offerable[read++] = framework;
  }
}
