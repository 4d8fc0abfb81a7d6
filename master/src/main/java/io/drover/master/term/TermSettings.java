package io.drover.master.term;

import java.time.Duration;
import java.util.Optional;

/**
 * Timings a leader works with: the heartbeat interval it tells peers, how long a disconnected agent may
 * stay away before it is unreachable, how long a new leader waits for the agents of the registry to
 * re-register, and how long an offer stands before it is rescinded (empty: until used).
 */
public record TermSettings(
    Duration heartbeatInterval, Duration agentPingTimeout, Duration agentReregistrationTimeout, Optional<Duration> offerTimeout) {}
