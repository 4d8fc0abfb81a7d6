package io.drover.allocator.sorter;

import io.drover.core.Resources;
import java.util.HashMap;
import java.util.Map;

/**
 * The scalar resources (cpus, mem, disk, gpus...) of the cluster's active agents: what a dominant share is
 * a share of. Its version changes with every change, so that sorters know when their shares are stale.
 */
public final class ClusterTotals {
  private final Map<String, Long> millis = new HashMap<>();
  private long version;

  public void add(Resources resources) {
    for (String name : resources.scalarNames()) {
      millis.merge(name, resources.scalarMillis(name), Long::sum);
    }
    version++;
  }

  public void remove(Resources resources) {
    for (String name : resources.scalarNames()) {
      long taken = resources.scalarMillis(name);
      millis.computeIfPresent(name, (k, have) -> have > taken ? have - taken : null);
    }
    version++;
  }

  /** Changes whenever the totals do. */
  public long version() {
    return version;
  }

  /**
   * The largest fraction of any one scalar resource of the cluster that {@code allocation} holds. A resource
   * the cluster has none of does not count (as in Mesos).
   */
  public double dominantShare(Resources allocation) {
    double share = 0;
    for (String name : allocation.scalarNames()) {
      Long total = millis.get(name);
      if (total != null) {
        share = Math.max(share, (double) allocation.scalarMillis(name) / total);
      }
    }
    return share;
  }
}
