package io.drover.marathon.scheduling;

import io.drover.core.InvalidValueException;
import java.time.Duration;
import java.util.Objects;

/**
 * What happens to an instance whose agent cannot be reached (Marathon's {@code unreachableStrategy}):
 * after {@code inactiveAfter} it stops counting and is replaced; after {@code expungeAfter} it is
 * forgotten (and killed, should it come back). Disabled: it is waited for indefinitely.
 */
public record UnreachableStrategy(boolean enabled, Duration inactiveAfter, Duration expungeAfter) {
  /** Marathon's default for apps: replace and forget at once. */
  public static final UnreachableStrategy DEFAULT = new UnreachableStrategy(true, Duration.ZERO, Duration.ZERO);

  public static final UnreachableStrategy DISABLED = new UnreachableStrategy(false, Duration.ZERO, Duration.ZERO);

  public UnreachableStrategy {
    Objects.requireNonNull(inactiveAfter, "inactiveAfter");
    Objects.requireNonNull(expungeAfter, "expungeAfter");
    if (inactiveAfter.isNegative() || expungeAfter.compareTo(inactiveAfter) < 0) {
      throw new InvalidValueException("unreachableStrategy needs 0 <= inactiveAfterSeconds <= expungeAfterSeconds");
    }
  }

  public static UnreachableStrategy after(Duration inactiveAfter, Duration expungeAfter) {
    return new UnreachableStrategy(true, inactiveAfter, expungeAfter);
  }
}
