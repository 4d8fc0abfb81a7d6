package io.drover.marathon.scheduling;

import io.drover.core.AgentId;
import io.drover.core.Attributes;
import io.drover.core.FrameworkId;
import io.drover.core.Offer;
import io.drover.core.OfferId;
import io.drover.core.Resources;
import java.util.concurrent.atomic.AtomicInteger;

/** Offers for scheduling tests; each gets a fresh id. */
final class TestOffers {
  private static final AtomicInteger NEXT = new AtomicInteger();

  private TestOffers() {}

  /** An offer of {@code resources} (Mesos text form) from agent {@code agent}, whose hostname is the same. */
  static Offer offer(String agent, String resources) {
    return offer(agent, resources, "");
  }

  static Offer offer(String agent, String resources, String attributes) {
    return new Offer(
        OfferId.of("o" + NEXT.incrementAndGet()), FrameworkId.of("fw-1"), AgentId.of(agent), agent, Resources.parse(resources), Attributes.parse(attributes));
  }
}
