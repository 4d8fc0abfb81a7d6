package io.drover.core.allocation;

import io.drover.core.AgentId;
import io.drover.core.FrameworkId;
import io.drover.core.Resources;
import java.util.Map;

/** Receives the allocator's decisions: offer these resources of these agents to this framework. */
@FunctionalInterface
public interface OfferCallback {
  void offer(FrameworkId frameworkId, String role, Map<AgentId, Resources> resources);
}
