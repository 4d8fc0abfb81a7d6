package io.drover.sdk;

import io.drover.protocol.net.Backoff;
import io.drover.protocol.net.ProtocolOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * How a driver connects and behaves. With {@code autoAcknowledge} (the default) the driver acknowledges
 * each status update once {@link Scheduler#statusUpdate} returns; without it the framework calls {@link
 * SchedulerDriver#acknowledge} itself, for example after it has stored the new state.
 */
public record DriverOptions(
    ProtocolOptions protocol, Backoff reconnectBackoff, boolean autoAcknowledge, Duration zooKeeperSessionTimeout) {
  public static final DriverOptions DEFAULTS =
      new DriverOptions(ProtocolOptions.DEFAULTS, Backoff.DEFAULT, true, Duration.ofSeconds(30));

  public DriverOptions {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(reconnectBackoff, "reconnectBackoff");
    if (zooKeeperSessionTimeout == null || zooKeeperSessionTimeout.isNegative() || zooKeeperSessionTimeout.isZero()) {
      throw new IllegalArgumentException("zooKeeperSessionTimeout must be positive");
    }
  }

  public DriverOptions withProtocol(ProtocolOptions newProtocol) {
    return new DriverOptions(newProtocol, reconnectBackoff, autoAcknowledge, zooKeeperSessionTimeout);
  }

  public DriverOptions withReconnectBackoff(Backoff backoff) {
    return new DriverOptions(protocol, backoff, autoAcknowledge, zooKeeperSessionTimeout);
  }

  public DriverOptions withAutoAcknowledge(boolean enabled) {
    return new DriverOptions(protocol, reconnectBackoff, enabled, zooKeeperSessionTimeout);
  }
}
