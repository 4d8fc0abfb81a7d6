package io.drover.marathon.constraint;

import io.drover.sdk.placement.Candidate;
import io.drover.sdk.placement.RunningTasks;
import io.drover.sdk.placement.TaskRequest;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code GROUP_BY}: instances spread evenly over the field's values, as Marathon decides it: a value no
 * instance has yet is always fine; a value that already has instances is fine only when at least
 * {@code groups} values are in use and it has no more instances than the least used one.
 */
public record GroupByConstraint(Field field, OptionalInt groups) implements MarathonConstraint {
  public GroupByConstraint {
    Objects.requireNonNull(field, "field");
    groups = groups == null ? OptionalInt.empty() : groups;
  }

  @Override
  public ConstraintOperator operator() {
    return ConstraintOperator.GROUP_BY;
  }

  @Override
  public Optional<String> value() {
    return groups.isPresent() ? Optional.of(Integer.toString(groups.getAsInt())) : Optional.empty();
  }

  @Override
  public Optional<String> violation(TaskRequest task, Candidate candidate, RunningTasks running) {
    Optional<String> here = field.valueAt(candidate.site());
    if (here.isEmpty()) {
      return denyMissingAttribute(candidate);
    }
    Map<String, Integer> counts = field.countValues(running.sites(task.group()));
    Integer hereCount = counts.get(here.get());
    if (hereCount == null) {
      return Optional.empty();
    }
    int wanted = groups.orElse(0);
    if (counts.size() < wanted) {
      return deny("instances use " + counts.size() + " of at least " + wanted + " values and " + here.get() + " has one already");
    }
    int fewest = Collections.min(counts.values());
    return hereCount == fewest
        ? Optional.empty()
        : deny(here.get() + " runs " + hereCount + " instances, another value runs " + fewest);
  }
}
