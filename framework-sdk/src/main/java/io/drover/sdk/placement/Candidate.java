package io.drover.sdk.placement;

import io.drover.core.AgentId;
import io.drover.core.Offer;
import io.drover.core.Resources;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An offer a task may go on, with what is still {@code available} of it (less than the offer once other
 * tasks of the same plan took their share) and the role it was offered for (the offer's own, unless
 * {@link #forRole} says otherwise); without a role the roles checker lets the candidate pass.
 */
public record Candidate(Offer offer, Resources available, Optional<String> role) {
  public Candidate {
    Objects.requireNonNull(offer, "offer");
    Objects.requireNonNull(available, "available");
    role = role == null ? Optional.empty() : role;
  }

  public static Candidate of(Offer offer) {
    return new Candidate(offer, offer.resources(), Optional.of(offer.role()));
  }

  public static Candidate forRole(Offer offer, String role) {
    return new Candidate(offer, offer.resources(), Optional.of(role));
  }

  public static List<Candidate> fromOffers(List<Offer> offers) {
    return offers.stream().map(Candidate::of).toList();
  }

  public AgentId agentId() {
    return offer.agentId();
  }

  public TaskSite site() {
    return TaskSite.of(offer);
  }

  /** This candidate after a task took {@code claimed}. */
  public Candidate minus(Resources claimed) {
    return new Candidate(offer, available.minus(claimed), role);
  }
}
