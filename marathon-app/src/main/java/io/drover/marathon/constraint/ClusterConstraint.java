package io.drover.marathon.constraint;

import io.drover.sdk.placement.Candidate;
import io.drover.sdk.placement.RunningTasks;
import io.drover.sdk.placement.TaskRequest;
import io.drover.sdk.placement.TaskSite;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code CLUSTER}: every instance of the app has the same value of the field. With a value, that one;
 * without, whichever value the first instance landed on.
 */
public record ClusterConstraint(Field field, Optional<String> value) implements MarathonConstraint {
  public ClusterConstraint {
    Objects.requireNonNull(field, "field");
    value = value == null ? Optional.empty() : value;
  }

  @Override
  public ConstraintOperator operator() {
    return ConstraintOperator.CLUSTER;
  }

  @Override
  public Optional<String> violation(TaskRequest task, Candidate candidate, RunningTasks running) {
    Optional<String> here = field.valueAt(candidate.site());
    if (here.isEmpty()) {
      return denyMissingAttribute(candidate);
    }
    if (value.isPresent()) {
      return value.equals(here) ? Optional.empty() : deny("agent " + candidate.offer().hostname() + " has " + here.get());
    }
    for (TaskSite site : running.sites(task.group())) {
      Optional<String> pinned = field.valueAt(site);
      if (pinned.isPresent()) {
        return pinned.equals(here) ? Optional.empty() : deny("instances run on " + pinned.get() + ", agent has " + here.get());
      }
    }
    return Optional.empty();
  }
}
