package io.drover.core;

/** Free resources of one agent, offered to one framework until accepted, declined or rescinded. */
public record Offer(OfferId id, FrameworkId frameworkId, AgentId agentId, String hostname, Resources resources, Attributes attributes) {}
