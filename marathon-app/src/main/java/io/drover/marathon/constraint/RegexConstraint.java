package io.drover.marathon.constraint;

import io.drover.sdk.placement.Candidate;
import io.drover.sdk.placement.RunningTasks;
import io.drover.sdk.placement.TaskRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code LIKE}: the field's value matches the regular expression in full; {@code UNLIKE}: it does not,
 * and (as in Marathon) an agent without the attribute passes. Matching is bounded: a regular expression
 * that backtracks too much is a veto, not a stalled scheduler.
 */
public record RegexConstraint(Field field, ConstraintOperator operator, BoundedRegex regex) implements MarathonConstraint {
  public RegexConstraint {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(regex, "regex");
    if (operator != ConstraintOperator.LIKE && operator != ConstraintOperator.UNLIKE) {
      throw new IllegalArgumentException("a regular expression constraint is LIKE or UNLIKE, not " + operator);
    }
  }

  @Override
  public Optional<String> value() {
    return Optional.of(regex.pattern());
  }

  /** Reads the candidate's own hostname or attribute only. */
  @Override
  public boolean isAgentLocal() {
    return true;
  }

  @Override
  public Optional<String> violation(TaskRequest task, Candidate candidate, RunningTasks running) {
    boolean like = operator == ConstraintOperator.LIKE;
    Optional<String> here = field.valueAt(candidate.site());
    if (here.isEmpty()) {
      return like ? denyMissingAttribute(candidate) : Optional.empty();
    }
    return switch (regex.matches(here.get())) {
      case MATCH -> like ? Optional.empty() : deny(here.get() + " matches");
      case NO_MATCH -> like ? deny(here.get() + " does not match") : Optional.empty();
      case TOO_COSTLY ->
          deny("matching " + here.get() + " was abandoned after " + regex.stepBudget() + " steps: the regular expression backtracks too much");
    };
  }
}
