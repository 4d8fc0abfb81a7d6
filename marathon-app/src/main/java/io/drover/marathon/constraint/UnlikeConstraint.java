package io.drover.marathon.constraint;

import io.drover.sdk.placement.Candidate;
import io.drover.sdk.placement.RunningTasks;
import io.drover.sdk.placement.TaskRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code UNLIKE}: the field's value does not match the regular expression; as in Marathon, an agent
 * without the attribute passes.
 */
public record UnlikeConstraint(Field field, BoundedRegex regex) implements MarathonConstraint {
  public UnlikeConstraint {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(regex, "regex");
  }

  @Override
  public ConstraintOperator operator() {
    return ConstraintOperator.UNLIKE;
  }

  @Override
  public Optional<String> value() {
    return Optional.of(regex.pattern());
  }

  @Override
  public Optional<String> violation(TaskRequest task, Candidate candidate, RunningTasks running) {
    Optional<String> here = field.valueAt(candidate.site());
    if (here.isEmpty()) {
      return Optional.empty();
    }
    return switch (regex.matches(here.get())) {
      case NO_MATCH -> Optional.empty();
      case MATCH -> deny(here.get() + " matches");
      case TOO_COSTLY -> deny(RegexVetoes.tooCostly(regex, here.get()));
    };
  }
}
