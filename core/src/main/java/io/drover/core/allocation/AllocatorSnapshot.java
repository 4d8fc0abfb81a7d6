package io.drover.core.allocation;

import io.drover.core.FrameworkId;
import java.util.Map;

/**
 * A read-only view of the allocator's sharing state: dominant share per framework and per role, and
 * how many allocation runs it made.
 */
public record AllocatorSnapshot(
    Map<FrameworkId, Double> frameworkDominantShares, Map<String, Double> roleDominantShares, long allocationRuns) {
  public AllocatorSnapshot {
    frameworkDominantShares = Map.copyOf(frameworkDominantShares);
    roleDominantShares = Map.copyOf(roleDominantShares);
  }
}
