package io.drover.marathon.launch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Marathon's {@code processedOffersSummary} of a queued app: offers looked at and left unused since it
 * was queued, when one was last used or left, and two reject funnels: over the last offer of each agent
 * ({@code rejectSummaryLastOffers}) and over every offer since it was queued ({@code
 * rejectSummaryLaunchAttempt}).
 */
public record ProcessedOffersSummary(
    long processedOffersCount,
    long unusedOffersCount,
    Optional<Instant> lastUnusedOfferAt,
    Optional<Instant> lastUsedOfferAt,
    List<RejectCount> rejectSummaryLastOffers,
    List<RejectCount> rejectSummaryLaunchAttempt) {
  public ProcessedOffersSummary {
    rejectSummaryLastOffers = List.copyOf(rejectSummaryLastOffers);
    rejectSummaryLaunchAttempt = List.copyOf(rejectSummaryLaunchAttempt);
  }
}
