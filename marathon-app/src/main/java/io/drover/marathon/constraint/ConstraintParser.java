package io.drover.marathon.constraint;

import io.drover.core.InvalidValueException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads Marathon's array form {@code ["field", "OPERATOR"]} or {@code ["field", "OPERATOR", "value"]}.
 * Anything Marathon rejects is rejected with an {@link InvalidValueException} whose message is meant for
 * the {@code errors} of a 422 answer at the constraint's path. As in Marathon, the operator may be
 * written in any case, and a negative count acts as 0.
 */
public final class ConstraintParser {
  private ConstraintParser() {}

  public static List<MarathonConstraint> parseAll(List<List<String>> constraints) {
    List<MarathonConstraint> parsed = new ArrayList<>(constraints.size());
    for (List<String> constraint : constraints) {
      parsed.add(parse(constraint));
    }
    return List.copyOf(parsed);
  }

  public static MarathonConstraint parse(List<String> parts) {
    if (parts == null || parts.size() < 2 || parts.size() > 3 || parts.stream().anyMatch(Objects::isNull)) {
      throw new InvalidValueException("Each constraint must have either 2 or 3 fields: [field, operator] or [field, operator, value]");
    }
    if (parts.get(0).isBlank()) {
      throw new InvalidValueException("Constraint field must not be empty");
    }
    Field field = Field.of(parts.get(0));
    ConstraintOperator operator = operator(parts.get(1));
    Optional<String> value = parts.size() == 3 ? Optional.of(parts.get(2)) : Optional.empty();
    return switch (operator) {
      case UNIQUE -> {
        if (value.isPresent()) {
          throw new InvalidValueException("Value specified but not used: UNIQUE takes no value");
        }
        yield new UniqueConstraint(field);
      }
      case CLUSTER -> new ClusterConstraint(field, value.filter(v -> !v.isEmpty()));
      case GROUP_BY -> new GroupByConstraint(field, value.isEmpty() ? OptionalInt.empty() : OptionalInt.of(count(operator, value.get())));
      case MAX_PER -> new MaxPerConstraint(field, count(operator, value.orElseThrow(() -> missing(operator, "a number"))));
      case LIKE, UNLIKE -> new RegexConstraint(field, operator, BoundedRegex.compile(value.orElseThrow(() -> missing(operator, "a regular expression"))));
      case IS -> new IsConstraint(field, value.orElseThrow(() -> missing(operator, "a value")));
    };
  }

  private static ConstraintOperator operator(String name) {
    for (ConstraintOperator operator : ConstraintOperator.values()) {
      if (operator.name().equalsIgnoreCase(name)) {
        return operator;
      }
    }
    throw new InvalidValueException(
        "Constraint operator '" + name + "' is unknown: it must be one of " + Arrays.toString(ConstraintOperator.values()));
  }

  private static int count(ConstraintOperator operator, String value) {
    try {
      return Math.max(0, Integer.parseInt(value.strip()));
    } catch (NumberFormatException e) {
      throw new InvalidValueException("Value was specified but is not a number: " + operator + " needs a whole number, not '" + value + "'");
    }
  }

  private static InvalidValueException missing(ConstraintOperator operator, String what) {
    return new InvalidValueException("Value must be specified: " + operator + " needs " + what);
  }
}
