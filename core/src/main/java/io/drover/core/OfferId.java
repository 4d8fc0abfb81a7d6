package io.drover.core;

/** Identifies an offer uniquely within a cluster. */
public record OfferId(String value) implements Comparable<OfferId> {
  public OfferId {
    Ids.requireValid(value, "OfferId");
  }

  public static OfferId of(String value) {
    return new OfferId(value);
  }

  @Override
  public int compareTo(OfferId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
