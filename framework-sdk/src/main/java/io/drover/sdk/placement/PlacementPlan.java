package io.drover.sdk.placement;

import io.drover.core.Offer;
import io.drover.core.OfferId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The placement of a batch of tasks on a batch of offers: the tasks placed (several may share an
 * offer), those that wait with their reasons, and the offers nothing was placed on (to decline).
 */
public record PlacementPlan(List<PlacementDecision.Placed> placed, List<PlacementDecision.Waiting> waiting, List<Offer> unusedOffers) {
  public PlacementPlan {
    placed = List.copyOf(placed);
    waiting = List.copyOf(waiting);
    unusedOffers = List.copyOf(unusedOffers);
  }

  /** The placed tasks grouped by the offer they go on, in the order the offers were given. */
  public Map<OfferId, List<PlacementDecision.Placed>> placedByOffer() {
    Map<OfferId, List<PlacementDecision.Placed>> byOffer = new LinkedHashMap<>();
    placed.forEach(p -> byOffer.computeIfAbsent(p.offerId(), id -> new ArrayList<>()).add(p));
    byOffer.replaceAll((id, list) -> List.copyOf(list));
    return Collections.unmodifiableMap(byOffer);
  }
}
