package io.drover.protocol.coordination;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how one participant contends: the latch lives under {@code electionPath}, terms are numbered
 * by the epoch node at {@code epochPath}, and the winner publishes {@code payload} as the ephemeral node
 * at {@code leaderPath}. {@code role} names the kind of participant in log lines.
 */
public record ElectionSettings(
    String role,
    String participantId,
    String electionPath,
    String epochPath,
    String leaderPath,
    LeaderPayload payload,
    Duration suspendedGrace,
    String threadName) {
  public ElectionSettings {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(participantId, "participantId");
    Objects.requireNonNull(electionPath, "electionPath");
    Objects.requireNonNull(epochPath, "epochPath");
    Objects.requireNonNull(leaderPath, "leaderPath");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(suspendedGrace, "suspendedGrace");
    Objects.requireNonNull(threadName, "threadName");
  }
}
