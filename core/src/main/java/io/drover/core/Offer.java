package io.drover.core;

/**
 * Free resources of one agent, offered to one framework for one of its roles until accepted, declined
 * or rescinded.
 */
public record Offer(
    OfferId id, FrameworkId frameworkId, AgentId agentId, String hostname, Resources resources, Attributes attributes, String role) {
  public Offer {
    role = role == null || role.isEmpty() ? FrameworkInfo.DEFAULT_ROLE : role;
  }

  /** An offer made for the default role. */
  public Offer(OfferId id, FrameworkId frameworkId, AgentId agentId, String hostname, Resources resources, Attributes attributes) {
    this(id, frameworkId, agentId, hostname, resources, attributes, FrameworkInfo.DEFAULT_ROLE);
  }
}
