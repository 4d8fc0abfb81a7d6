package io.drover.marathon.app;

import java.time.Instant;

/**
 * When an app's definition last changed in a way that needs new instances ({@code lastConfigChangeAt})
 * and when it last changed at all ({@code lastScalingAt}, which includes changes of {@code instances}).
 */
public record VersionInfo(Instant lastScalingAt, Instant lastConfigChangeAt) {}
