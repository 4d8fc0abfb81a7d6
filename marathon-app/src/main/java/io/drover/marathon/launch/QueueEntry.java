package io.drover.marathon.launch;

import java.time.Instant;

/**
 * One entry of {@code /v2/queue}: {@code count} instances of an app version wait to be launched, the
 * app has been queued {@code since}, with its delay and what became of the offers it saw.
 */
public record QueueEntry(String appId, String version, int count, Instant since, QueueDelay delay, ProcessedOffersSummary processedOffersSummary) {}
