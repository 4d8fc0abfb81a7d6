package io.drover.marathon.launch;

/**
 * The {@code delay} of a {@code /v2/queue} entry: whole seconds until launches may resume, and {@code
 * overdue} once that moment has passed (or there was no delay) and instances still wait.
 */
public record QueueDelay(long timeLeftSeconds, boolean overdue) {}
