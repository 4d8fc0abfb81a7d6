package io.drover.marathon.constraint;

import io.drover.core.InvalidValueException;
import io.drover.sdk.placement.Candidate;
import io.drover.sdk.placement.RunningTasks;
import io.drover.sdk.placement.TaskRequest;
import java.util.Objects;
import java.util.Optional;

/** {@code MAX_PER}: at most {@code max} instances of the app per value of the field. */
public record MaxPerConstraint(Field field, int max) implements MarathonConstraint {
  public MaxPerConstraint {
    Objects.requireNonNull(field, "field");
    if (max < 0) {
      throw new InvalidValueException("MAX_PER needs a number >= 0, not " + max);
    }
  }

  @Override
  public ConstraintOperator operator() {
    return ConstraintOperator.MAX_PER;
  }

  @Override
  public Optional<String> value() {
    return Optional.of(Integer.toString(max));
  }

  @Override
  public Optional<String> violation(TaskRequest task, Candidate candidate, RunningTasks running) {
    Optional<String> here = field.valueAt(candidate.site());
    if (here.isEmpty()) {
      return denyMissingAttribute(candidate);
    }
    long already = running.sites(task.group()).stream().filter(site -> field.valueAt(site).equals(here)).count();
    return already < max ? Optional.empty() : deny(here.get() + " already runs " + already + (already == 1 ? " instance" : " instances"));
  }
}
