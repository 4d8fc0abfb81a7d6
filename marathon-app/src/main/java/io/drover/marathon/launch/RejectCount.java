package io.drover.marathon.launch;

/**
 * One step of the reject funnel: of the {@code processed} offers that reached this reason (those not
 * rejected for an earlier one), {@code declined} were rejected for it.
 */
public record RejectCount(RejectReason reason, long declined, long processed) {}
