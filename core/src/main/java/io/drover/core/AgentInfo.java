package io.drover.core;

import java.util.Set;

/** What an agent reports of itself: where it is, what it has, and what it can run. */
public record AgentInfo(String hostname, int port, Resources resources, Attributes attributes, Set<String> capabilities) {
  public static final String CAPABILITY_DOCKER = "docker";

  public AgentInfo {
    if (hostname == null || hostname.isBlank()) {
      throw new InvalidValueException("agent hostname must not be blank");
    }
    capabilities = Set.copyOf(capabilities == null ? Set.of() : capabilities);
  }
}
