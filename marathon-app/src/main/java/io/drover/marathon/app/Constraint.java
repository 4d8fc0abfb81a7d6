package io.drover.marathon.app;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * One placement constraint in Marathon's array form: {@code ["hostname","UNIQUE"]} or
 * {@code ["rack","GROUP_BY","3"]}. {@code field} is {@code hostname} or an agent attribute name;
 * {@code operator} is kept as written (UNIQUE, CLUSTER, GROUP_BY, LIKE, UNLIKE, MAX_PER, IS) so that an
 * unknown one is reported by validation rather than by the JSON reader; {@code value} may be null.
 */
public record Constraint(String field, String operator, String value) {
  @JsonCreator
  static Constraint fromJson(List<String> parts) {
    if (parts.size() < 2 || parts.size() > 3) {
      throw new IllegalArgumentException("Each constraint must have either 2 or 3 fields");
    }
    return new Constraint(parts.get(0), parts.get(1), parts.size() == 3 ? parts.get(2) : null);
  }

  @JsonValue
  List<String> toJson() {
    List<String> parts = new ArrayList<>(List.of(field, operator));
    if (value != null) {
      parts.add(value);
    }
    return parts;
  }
}
