package io.drover.core;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code name:value;name:value} text form shared by resources and attributes. */
final class NamedValues {
  private NamedValues() {}

  /** Splits the text into names and values, in order; {@code kind} names what they are in errors. */
  static Map<String, String> parse(String text, String kind) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String part : text.split(";")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      int colon = p.indexOf(':');
      if (colon <= 0 || colon == p.length() - 1) {
        throw new InvalidValueException(kind + " '" + p + "' is not of the form name:value");
      }
      String name = p.substring(0, colon).strip();
      if (values.put(name, p.substring(colon + 1).strip()) != null) {
        throw new InvalidValueException(kind + " '" + name + "' is given more than once");
      }
    }
    return values;
  }
}
