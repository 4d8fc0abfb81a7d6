package io.drover.marathon.launch;

import io.drover.core.AgentId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The offers processed for one queued app since it was queued; not thread-safe (the queue guards it). */
final class OfferStatistics {
  private long processed;
  private long unused;
  private Optional<Instant> lastUnusedAt = Optional.empty();
  private Optional<Instant> lastUsedAt = Optional.empty();
  private final Map<AgentId, RejectReason> lastRejectionByAgent = new HashMap<>();
  private final Map<RejectReason, Long> rejectionsSinceQueued = new EnumMap<>(RejectReason.class);

  void record(List<OfferOutcome> outcomes, Instant now) {
    for (OfferOutcome outcome : outcomes) {
      processed++;
      if (outcome.rejection().isPresent()) {
        RejectReason reason = outcome.rejection().get();
        unused++;
        lastUnusedAt = Optional.of(now);
        lastRejectionByAgent.put(outcome.agentId(), reason);
        rejectionsSinceQueued.merge(reason, 1L, Long::sum);
      } else {
        lastUsedAt = Optional.of(now);
        lastRejectionByAgent.remove(outcome.agentId());
      }
    }
  }

  ProcessedOffersSummary summary() {
    Map<RejectReason, Long> lastOffers = new EnumMap<>(RejectReason.class);
    lastRejectionByAgent.values().forEach(reason -> lastOffers.merge(reason, 1L, Long::sum));
    return new ProcessedOffersSummary(
        processed,
        unused,
        lastUnusedAt,
        lastUsedAt,
        funnel(lastOffers, lastRejectionByAgent.size()),
        funnel(rejectionsSinceQueued, processed));
  }

  /** Every reason in funnel order, each seeing the offers that no earlier reason rejected. */
  static List<RejectCount> funnel(Map<RejectReason, Long> declined, long offers) {
    List<RejectCount> steps = new ArrayList<>();
    long reaching = offers;
    for (RejectReason reason : RejectReason.values()) {
      long here = declined.getOrDefault(reason, 0L);
      steps.add(new RejectCount(reason, here, reaching));
      reaching -= here;
    }
    return steps;
  }
}
