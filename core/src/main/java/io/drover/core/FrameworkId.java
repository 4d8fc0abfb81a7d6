package io.drover.core;

/** Identifies a framework uniquely within a cluster. */
public record FrameworkId(String value) implements Comparable<FrameworkId> {
  public FrameworkId {
    Ids.requireValid(value, "FrameworkId");
  }

  public static FrameworkId of(String value) {
    return new FrameworkId(value);
  }

  @Override
  public int compareTo(FrameworkId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
