package io.drover.core;

/** Identifies an agent uniquely within a cluster. */
public record AgentId(String value) implements Comparable<AgentId> {
  public AgentId {
    Ids.requireValid(value, "AgentId");
  }

  public static AgentId of(String value) {
    return new AgentId(value);
  }

  @Override
  public int compareTo(AgentId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
