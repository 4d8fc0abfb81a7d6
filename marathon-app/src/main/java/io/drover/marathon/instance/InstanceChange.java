package io.drover.marathon.instance;

import io.drover.core.TaskStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * An instance was launched, changed or forgotten: {@code previous} is how it was before (empty for a
 * launch), {@code instance} how it is now (or how it ended, when {@code expunged}), and {@code status}
 * the update that caused the change, if one did.
 */
public record InstanceChange(Optional<Instance> previous, Instance instance, boolean expunged, Optional<TaskStatus> status) {
  public InstanceChange {
    previous = previous == null ? Optional.empty() : previous;
    Objects.requireNonNull(instance, "instance");
    status = status == null ? Optional.empty() : status;
  }

  public boolean isLaunch() {
    return previous.isEmpty();
  }

  public boolean conditionChanged() {
    return previous.map(p -> p.condition() != instance.condition()).orElse(true);
  }

  /** The instance's health over all of its checks ({@link Instance#health}) is not what it was. */
  public boolean healthChanged() {
    return previous.map(Instance::health).orElse(HealthState.UNKNOWN) != instance.health();
  }
}
