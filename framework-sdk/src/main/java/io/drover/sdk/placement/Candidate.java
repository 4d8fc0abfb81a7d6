package io.drover.sdk.placement;

import io.drover.core.AgentId;
import io.drover.core.Offer;
import io.drover.core.Resources;
import java.util.List;
import java.util.Objects;

/**
 * An offer a task may go on, with what is still {@code available} of it (less than the offer once other
 * tasks of the same plan took their share) and the role its resources are reserved for: {@value
 * #UNRESERVED} for unreserved resources, the only kind Drover offers today. (The role the offer was
 * allocated to is the offer's own {@link Offer#role}.)
 */
public record Candidate(Offer offer, Resources available, String resourceRole) {
  /** The role of unreserved resources. */
  public static final String UNRESERVED = "*";

  public Candidate {
    Objects.requireNonNull(offer, "offer");
    Objects.requireNonNull(available, "available");
    Objects.requireNonNull(resourceRole, "resourceRole");
  }

  public static Candidate of(Offer offer) {
    return new Candidate(offer, offer.resources(), UNRESERVED);
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
    return new Candidate(offer, available.minus(claimed), resourceRole);
  }
}
