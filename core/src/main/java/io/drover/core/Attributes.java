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
    TreeMap<String, String> values = new TreeMap<>();
    for (String part : text.split(";")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      int colon = p.indexOf(':');
      if (colon <= 0 || colon == p.length() - 1) {
        throw new InvalidValueException("attribute '" + p + "' is not of the form name:value");
      }
      String name = p.substring(0, colon).strip();
      if (values.put(name, p.substring(colon + 1).strip()) != null) {
        throw new InvalidValueException("attribute '" + name + "' is given more than once");
      }
    }
    return new Attributes(values);
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
