package io.drover.marathon.constraint;

import io.drover.sdk.placement.Candidate;
import io.drover.sdk.placement.RunningTasks;
import io.drover.sdk.placement.TaskRequest;
import java.util.Objects;
import java.util.Optional;

/** {@code UNIQUE}: no two instances of the app share the field's value, e.g. one per host. */
public record UniqueConstraint(Field field) implements MarathonConstraint {
  public UniqueConstraint {
    Objects.requireNonNull(field, "field");
  }

  @Override
  public ConstraintOperator operator() {
    return ConstraintOperator.UNIQUE;
  }

  @Override
  public Optional<String> value() {
    return Optional.empty();
  }

  @Override
  public Optional<String> violation(TaskRequest task, Candidate candidate, RunningTasks running) {
    Optional<String> here = field.valueAt(candidate.site());
    if (here.isEmpty()) {
      return denyMissingAttribute(candidate);
    }
    boolean taken = running.sites(task.group()).stream().anyMatch(site -> field.valueAt(site).equals(here));
    return taken ? deny(here.get() + " already runs an instance") : Optional.empty();
  }
}
