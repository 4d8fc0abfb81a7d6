package io.drover.master.allocation;

import java.time.Duration;

/** Hears how long each allocation run took. */
@FunctionalInterface
public interface AllocationObserver {
  void allocationRan(Duration took);
}
