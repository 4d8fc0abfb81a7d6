package io.drover.sdk;

import io.drover.protocol.net.Backoff;
import io.drover.protocol.net.ProtocolOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * How a driver connects and behaves. With {@code autoAcknowledge} (the default) the driver acknowledges
 * each status update once {@link Scheduler#statusUpdate} returns; without it the framework calls {@link
 * SchedulerDriver#acknowledge} itself, for example after it has stored the new state. A master that
 * does not answer a Subscribe within {@code subscribeTimeout} is reconnected to, and asked again.
 */
public record DriverOptions(
    ProtocolOptions protocol,
    Backoff reconnectBackoff,
    boolean autoAcknowledge,
    Duration subscribeTimeout,
    Duration zooKeeperSessionTimeout) {
  public static final DriverOptions DEFAULTS =
      new DriverOptions(ProtocolOptions.DEFAULTS, Backoff.DEFAULT, true, Duration.ofSeconds(10), Duration.ofSeconds(30));

  public DriverOptions {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(reconnectBackoff, "reconnectBackoff");
    requirePositive(subscribeTimeout, "subscribeTimeout");
    requirePositive(zooKeeperSessionTimeout, "zooKeeperSessionTimeout");
  }

  private static void requirePositive(Duration duration, String name) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }

  public DriverOptions withProtocol(ProtocolOptions newProtocol) {
    return new DriverOptions(newProtocol, reconnectBackoff, autoAcknowledge, subscribeTimeout, zooKeeperSessionTimeout);
  }

  public DriverOptions withReconnectBackoff(Backoff backoff) {
    return new DriverOptions(protocol, backoff, autoAcknowledge, subscribeTimeout, zooKeeperSessionTimeout);
  }

  public DriverOptions withAutoAcknowledge(boolean enabled) {
    return new DriverOptions(protocol, reconnectBackoff, enabled, subscribeTimeout, zooKeeperSessionTimeout);
  }

  public DriverOptions withSubscribeTimeout(Duration timeout) {
    return new DriverOptions(protocol, reconnectBackoff, autoAcknowledge, timeout, zooKeeperSessionTimeout);
  }
}
