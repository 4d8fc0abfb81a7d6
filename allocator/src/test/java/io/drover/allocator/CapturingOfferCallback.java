package io.drover.allocator;

import io.drover.core.AgentId;
import io.drover.core.FrameworkId;
import io.drover.core.Resources;
import io.drover.core.allocation.OfferCallback;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps every offer the allocator makes, in order, until taken. */
final class CapturingOfferCallback implements OfferCallback {
  private final List<Offered> offered = new ArrayList<>();

  @Override
  public void offer(FrameworkId frameworkId, String role, Map<AgentId, Resources> resources) {
    // Kept in the order given: the order in which the agents were visited.
    offered.add(new Offered(frameworkId, role, Collections.unmodifiableMap(new LinkedHashMap<>(resources))));
  }

  /** The offers made since the last call. */
  List<Offered> take() {
    List<Offered> taken = List.copyOf(offered);
    offered.clear();
    return taken;
  }

  /** One call of the callback: resources of some agents for a framework under a role. */
  record Offered(FrameworkId frameworkId, String role, Map<AgentId, Resources> resources) {}
}
