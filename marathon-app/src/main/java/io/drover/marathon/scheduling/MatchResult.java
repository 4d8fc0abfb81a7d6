package io.drover.marathon.scheduling;

import io.drover.core.Offer;
import io.drover.marathon.launch.OfferOutcome;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to do with a batch of offers: the launches per offer, the offers nothing goes on (to decline),
 * and per app what became of each offer it was considered for (for its queue statistics).
 */
public record MatchResult(List<OfferLaunch> launches, List<Offer> unusedOffers, Map<String, List<OfferOutcome>> outcomesByApp) {
  public MatchResult {
    launches = List.copyOf(launches);
    unusedOffers = List.copyOf(unusedOffers);
    Map<String, List<OfferOutcome>> copy = new LinkedHashMap<>();
    outcomesByApp.forEach((app, outcomes) -> copy.put(app, List.copyOf(outcomes)));
    outcomesByApp = Collections.unmodifiableMap(copy);
  }
}
