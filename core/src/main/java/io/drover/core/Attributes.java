package io.drover.core;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** An agent's attributes (rack, zone, ...), matched by placement constraints. Values are text. */
public record Attributes(SortedMap<String, String> values) {
  public static final Attributes NONE = new Attributes(new TreeMap<>());

  public Attributes {
    values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
  }

  public static Attributes of(Map<String, String> values) {
    return new Attributes(new TreeMap<>(values));
  }

  /** Parses {@code rack:r1;zone:a}. */
  public static Attributes parse(String text) {
    return new Attributes(new TreeMap<>(NamedValues.parse(text, "attribute")));
  }

  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    values.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ";").append(k).append(':').append(v));
    return sb.toString();
  }
}
