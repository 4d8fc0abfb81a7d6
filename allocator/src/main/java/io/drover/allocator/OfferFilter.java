package io.drover.allocator;

import io.drover.core.Resources;

/**
 * A framework declined {@code refused} on an agent and does not want them again before {@code expiresAt}
 * (nanoseconds of the allocator's clock). Like Mesos, it refuses only while what is free on the agent is
 * contained in what was declined: an agent with more to give is offered again. A revive of its role
 * after it was placed ({@code stamp}, see {@link FrameworkState#filterStands}) ends it too.
 */
record OfferFilter(Resources refused, long expiresAt, long stamp) {
  boolean refuses(Resources free) {
    return free == refused || refused.contains(free);
  }
}
