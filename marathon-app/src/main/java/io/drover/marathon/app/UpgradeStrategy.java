package io.drover.marathon.app;

/**
 * Marathon's rolling-upgrade bounds, both fractions of {@code instances} in [0, 1]: at least
 * {@code minimumHealthCapacity} must stay healthy, at most {@code maximumOverCapacity} extra may run.
 * Absent values take Marathon's defaults (1 and 1).
 */
public record UpgradeStrategy(Double minimumHealthCapacity, Double maximumOverCapacity) {
  public static final UpgradeStrategy DEFAULT = new UpgradeStrategy(1.0, 1.0);

  public UpgradeStrategy {
    minimumHealthCapacity = minimumHealthCapacity == null ? 1.0 : minimumHealthCapacity;
    maximumOverCapacity = maximumOverCapacity == null ? 1.0 : maximumOverCapacity;
  }
}
