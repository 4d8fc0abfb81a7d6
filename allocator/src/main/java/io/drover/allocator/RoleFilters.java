package io.drover.allocator;

import io.drover.core.Resources;
import java.util.Arrays;

/**
 * The decline filters of one role on one agent, by framework {@link FrameworkState#slot}: a framework
 * declined {@code refused} and does not want them again before {@code expiresAt} (nanoseconds of the
 * allocator's clock). A revive of the role after the filter was placed (its stamp, see
 * {@link FrameworkState#filterStands}) ends it too.
 *
 * <p>Kept in arrays rather than a map because the first look at an agent after mass declines reads the
 * filter of every framework in turn: a few contiguous arrays per agent are read far faster than a hash
 * table of a thousand entries scattered over the heap.
 */
final class RoleFilters {
  private final String role;
  private Resources[] refused = new Resources[0];
  private long[] expiresAt = new long[0];
  private long[] stamps = new long[0];

  RoleFilters(String role) {
    this.role = role;
  }

  /** Places the framework's filter, replacing any earlier one: the latest decline wins. */
  void place(FrameworkState framework, Resources declined, long until) {
    int slot = framework.slot;
    if (slot >= refused.length) {
      int length = Math.max(slot + 1, Math.max(8, refused.length * 2));
      refused = Arrays.copyOf(refused, length);
      expiresAt = Arrays.copyOf(expiresAt, length);
      stamps = Arrays.copyOf(stamps, length);
    }
    refused[slot] = declined;
    expiresAt[slot] = until;
    stamps[slot] = framework.filterStamp();
  }

  /**
   * What the framework's filter refuses if the filter is still in force (not expired, not revived away), or
   * null. A filter no longer in force is dropped on the way.
   */
  Resources refusedInForce(FrameworkState framework, long now) {
    int slot = framework.slot;
    if (slot >= refused.length || refused[slot] == null) {
      return null;
    }
    if (now >= expiresAt[slot] || !framework.filterStands(role, stamps[slot])) {
      refused[slot] = null;
      return null;
    }
    return refused[slot];
  }

  /** When the framework's filter runs out; only for a filter {@link #refusedInForce} just returned. */
  long expiresAt(FrameworkState framework) {
    return expiresAt[framework.slot];
  }

  void forget(FrameworkState framework) {
    if (framework.slot < refused.length) {
      refused[framework.slot] = null;
    }
  }
}
