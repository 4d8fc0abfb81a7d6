package io.drover.marathon.instance;

import java.time.Instant;
import java.util.Objects;

/** The scheduler asked for the instance to be killed, at {@code requestedAt}, for {@code reason}. */
public record KillRequest(KillReason reason, Instant requestedAt) {
  public KillRequest {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(requestedAt, "requestedAt");
  }
}
