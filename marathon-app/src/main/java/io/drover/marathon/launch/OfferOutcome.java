package io.drover.marathon.launch;

import io.drover.core.AgentId;
import java.util.Objects;
import java.util.Optional;

/** What became of one offer for one app: used (no rejection), or rejected for a reason. */
public record OfferOutcome(AgentId agentId, Optional<RejectReason> rejection) {
  public OfferOutcome {
    Objects.requireNonNull(agentId, "agentId");
    rejection = rejection == null ? Optional.empty() : rejection;
  }

  public static OfferOutcome used(AgentId agentId) {
    return new OfferOutcome(agentId, Optional.empty());
  }

  public static OfferOutcome rejected(AgentId agentId, RejectReason reason) {
    return new OfferOutcome(agentId, Optional.of(reason));
  }
}
