package io.drover.marathon.app;

import java.time.Instant;

/** Marathon's {@code lastTaskFailure}: the most recent task of an app that ended badly, and why. */
public record TaskFailure(
    PathId appId,
    String taskId,
    String host,
    String slaveId,
    String state,
    String message,
    Instant timestamp,
    Instant version) {}
