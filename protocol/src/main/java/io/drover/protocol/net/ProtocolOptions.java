package io.drover.protocol.net;

import java.time.Duration;

/**
 * Limits and timings of a protocol connection. A peer that sends nothing for {@code
 * heartbeatInterval × maxMissedHeartbeats} is disconnected; each side pings after {@code
 * heartbeatInterval} of silence.
 */
public record ProtocolOptions(int maxFrameSize, Duration heartbeatInterval, int maxMissedHeartbeats, Duration handshakeTimeout) {
  public static final int PROTOCOL_VERSION = 1;
  public static final ProtocolOptions DEFAULTS = new ProtocolOptions(16 * 1024 * 1024, Duration.ofSeconds(5), 3, Duration.ofSeconds(10));

  public ProtocolOptions {
    if (maxFrameSize < 1024) {
      throw new IllegalArgumentException("maxFrameSize must be at least 1024 bytes");
    }
    if (maxMissedHeartbeats < 1) {
      throw new IllegalArgumentException("maxMissedHeartbeats must be at least 1");
    }
  }

  public ProtocolOptions withHeartbeat(Duration interval, int missed) {
    return new ProtocolOptions(maxFrameSize, interval, missed, handshakeTimeout);
  }

  public Duration silenceLimit() {
    return heartbeatInterval.multipliedBy(maxMissedHeartbeats);
  }
}
