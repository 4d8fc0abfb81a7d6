package io.drover.protocol.coordination;

import java.time.Duration;

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
    String threadName) {}
