package io.drover.marathon.scheduling;

import io.drover.core.InvalidValueException;
import java.util.Map;
import java.util.Optional;

/**
 * One host port an instance needs, from a {@code portDefinitions} entry or a Docker {@code
 * portMappings} entry: {@code hostPort} is a fixed port, or 0 for any of the offered ports; {@code
 * containerPort} is set for a Docker mapping; {@code servicePort} is the definition's {@code port} (or
 * the mapping's {@code servicePort}). Build with {@link #definition} or {@link #mapping}.
 */
public record PortSpec(String name, int hostPort, int servicePort, Optional<Integer> containerPort, String protocol, Map<String, String> labels) {
  private static final int MAX_PORT = 65535;

  public PortSpec {
    name = name == null ? "" : name;
    containerPort = containerPort == null ? Optional.empty() : containerPort;
    protocol = protocol == null || protocol.isBlank() ? "tcp" : protocol;
    labels = Map.copyOf(labels == null ? Map.of() : labels);
    if (hostPort < 0 || hostPort > MAX_PORT) {
      throw new InvalidValueException("host port " + hostPort + " is out of range (0-" + MAX_PORT + ")");
    }
  }

  /** A {@code portDefinitions} entry: its host port is {@code port} itself only with {@code requirePorts}. */
  public static PortSpec definition(int port, String name, String protocol, Map<String, String> labels, boolean requirePorts) {
    return new PortSpec(name, requirePorts ? port : 0, port, Optional.empty(), protocol, labels);
  }

  /** A Docker {@code portMappings} entry with a host port (0: any offered port). */
  public static PortSpec mapping(int containerPort, int hostPort, int servicePort, String name, String protocol, Map<String, String> labels) {
    return new PortSpec(name, hostPort, servicePort, Optional.of(containerPort), protocol, labels);
  }

  public boolean isFixed() {
    return hostPort != 0;
  }

  /** The port the app asked for by number, which names its {@code PORT_<n>} variable (0: none). */
  public int requestedPort() {
    return containerPort.orElse(servicePort);
  }
}
