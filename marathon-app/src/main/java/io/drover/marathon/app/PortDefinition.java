package io.drover.marathon.app;

import java.util.Map;

/**
 * A host port an app (without port mappings) asks for: {@code port} 0 means any port the offer gives,
 * or, with {@code requirePorts}, exactly that port.
 */
public record PortDefinition(Integer port, String protocol, String name, Map<String, String> labels) {
  public PortDefinition {
    port = port == null ? 0 : port;
    protocol = protocol == null ? "tcp" : protocol;
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  public PortDefinition withPort(int value) {
    return new PortDefinition(value, protocol, name, labels);
  }

  public static PortDefinition any() {
    return new PortDefinition(0, "tcp", null, Map.of());
  }
}
