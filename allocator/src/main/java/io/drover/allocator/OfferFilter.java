package io.drover.allocator;

import io.drover.core.Resources;

/**
 * A framework declined {@code refused} on an agent and does not want them again before {@code expiresAt}
 * (nanoseconds of the allocator's clock). Like Mesos, it refuses only while what is free on the agent is
 * contained in what was declined: an agent with more to give is offered again.
 */
record OfferFilter(Resources refused, long expiresAt) {
  boolean expired(long now) {
    return now >= expiresAt;
  }

  boolean refuses(Resources free) {
    return free == refused || refused.contains(free);
  }
}
