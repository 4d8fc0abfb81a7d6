package io.drover.marathon.constraint;

import io.drover.sdk.placement.Candidate;
import io.drover.sdk.placement.RunningTasks;
import io.drover.sdk.placement.TaskRequest;
import java.util.Objects;
import java.util.Optional;

/** {@code IS}: the field's value equals {@code expected} exactly. */
public record IsConstraint(Field field, String expected) implements MarathonConstraint {
  public IsConstraint {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(expected, "expected");
  }

  @Override
  public ConstraintOperator operator() {
    return ConstraintOperator.IS;
  }

  @Override
  public Optional<String> value() {
    return Optional.of(expected);
  }

  /** Reads the candidate's own hostname or attribute only. */
  @Override
  public boolean isAgentLocal() {
    return true;
  }

  @Override
  public Optional<String> violation(TaskRequest task, Candidate candidate, RunningTasks running) {
    Optional<String> here = field.valueAt(candidate.site());
    if (here.isEmpty()) {
      return denyMissingAttribute(candidate);
    }
    return here.get().equals(expected) ? Optional.empty() : deny("agent " + candidate.offer().hostname() + " has " + here.get());
  }
}
