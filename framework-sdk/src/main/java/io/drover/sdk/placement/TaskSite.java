package io.drover.sdk.placement;

import io.drover.core.AgentId;
import io.drover.core.Attributes;
import io.drover.core.Offer;

/** Where a task runs, as far as placement cares: the agent, its hostname and attributes. */
public record TaskSite(AgentId agentId, String hostname, Attributes attributes) {
  public static TaskSite of(Offer offer) {
    return new TaskSite(offer.agentId(), offer.hostname(), offer.attributes());
  }
}
