package io.drover.marathon.app;

import java.time.Instant;

/** The latest result of one health check of one task, in Marathon's {@code healthCheckResults} shape. */
public record HealthCheckResult(
    String taskId,
    boolean alive,
    int consecutiveFailures,
    Instant firstSuccess,
    Instant lastSuccess,
    Instant lastFailure,
    String lastFailureCause) {}
