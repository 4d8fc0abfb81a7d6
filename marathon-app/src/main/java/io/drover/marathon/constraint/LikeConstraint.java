package io.drover.marathon.constraint;

import io.drover.sdk.placement.Candidate;
import io.drover.sdk.placement.RunningTasks;
import io.drover.sdk.placement.TaskRequest;
import java.util.Objects;
import java.util.Optional;

/** {@code LIKE}: the field's value matches the regular expression in full. */
public record LikeConstraint(Field field, BoundedRegex regex) implements MarathonConstraint {
  public LikeConstraint {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(regex, "regex");
  }

  @Override
  public ConstraintOperator operator() {
    return ConstraintOperator.LIKE;
  }

  @Override
  public Optional<String> value() {
    return Optional.of(regex.pattern());
  }

  @Override
  public Optional<String> violation(TaskRequest task, Candidate candidate, RunningTasks running) {
    Optional<String> here = field.valueAt(candidate.site());
    if (here.isEmpty()) {
      return denyMissingAttribute(candidate);
    }
    return switch (regex.matches(here.get())) {
      case MATCH -> Optional.empty();
      case NO_MATCH -> deny(here.get() + " does not match");
      case TOO_COSTLY -> deny(RegexVetoes.tooCostly(regex, here.get()));
    };
  }
}
