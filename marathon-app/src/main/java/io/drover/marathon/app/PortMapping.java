package io.drover.marathon.app;

import java.util.Map;

/**
 * A container port published on the host: {@code hostPort} null means "not published" (container
 * networking), 0 means "any port the offer gives"; {@code servicePort} 0 means "assigned by Drover".
 * {@code protocol} is {@code tcp}, {@code udp} or {@code udp,tcp}.
 */
public record PortMapping(
    Integer containerPort,
    Integer hostPort,
    Integer servicePort,
    String protocol,
    String name,
    Map<String, String> labels) {
  public PortMapping {
    containerPort = containerPort == null ? 0 : containerPort;
    servicePort = servicePort == null ? 0 : servicePort;
    protocol = protocol == null ? "tcp" : protocol;
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  public PortMapping withServicePort(int port) {
    return new PortMapping(containerPort, hostPort, port, protocol, name, labels);
  }
}
