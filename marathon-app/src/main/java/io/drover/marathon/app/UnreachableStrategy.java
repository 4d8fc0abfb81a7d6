package io.drover.marathon.app;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What happens to an instance whose agent became unreachable: after {@code inactiveAfterSeconds} a
 * replacement is launched, after {@code expungeAfterSeconds} the unreachable instance is forgotten.
 * In JSON either {@code {"inactiveAfterSeconds":0,"expungeAfterSeconds":0}} (Marathon 1.5+ defaults) or
 * the string {@code "disabled"} (never replaced, never expunged).
 */
public record UnreachableStrategy(boolean enabled, long inactiveAfterSeconds, long expungeAfterSeconds) {
  public static final UnreachableStrategy DEFAULT = new UnreachableStrategy(true, 0, 0);
  public static final UnreachableStrategy DISABLED = new UnreachableStrategy(false, 0, 0);
  private static final String DISABLED_JSON = "disabled";

  public static UnreachableStrategy enabled(long inactiveAfterSeconds, long expungeAfterSeconds) {
    return new UnreachableStrategy(true, inactiveAfterSeconds, expungeAfterSeconds);
  }

  @JsonCreator
  static UnreachableStrategy fromJson(Object json) {
    if (json instanceof String text) {
      if (text.equals(DISABLED_JSON)) {
        return DISABLED;
      }
      throw new IllegalArgumentException("unreachableStrategy must be \"disabled\" or an object");
    }
    if (json instanceof Map<?, ?> fields) {
      return enabled(
          seconds(fields.get("inactiveAfterSeconds"), "inactiveAfterSeconds", DEFAULT.inactiveAfterSeconds),
          seconds(fields.get("expungeAfterSeconds"), "expungeAfterSeconds", DEFAULT.expungeAfterSeconds));
    }
    throw new IllegalArgumentException("unreachableStrategy must be \"disabled\" or an object");
  }

  private static long seconds(Object value, String name, long absent) {
    if (value == null) {
      return absent;
    }
    if (value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue();
    }
    throw new IllegalArgumentException(name + " must be an integer");
  }

  @JsonValue
  Object toJson() {
    if (!enabled) {
      return DISABLED_JSON;
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("inactiveAfterSeconds", inactiveAfterSeconds);
    fields.put("expungeAfterSeconds", expungeAfterSeconds);
    return fields;
  }
}
