package io.drover.core.allocation;

import io.drover.core.Resources;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * How an allocator behaves. An agent's free resources are offered only if they hold at least one of
 * {@code minAllocatable} (so that offers too small to use are not sent).
 */
public record AllocatorOptions(Clock clock, Duration allocationInterval, List<Resources> minAllocatable) {
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
  public static final List<Resources> DEFAULT_MIN_ALLOCATABLE =
      List.of(Resources.scalar(Resources.CPUS, 0.01), Resources.scalar(Resources.MEM, 32));

  public AllocatorOptions {
    minAllocatable = List.copyOf(minAllocatable);
  }

  public static AllocatorOptions defaults(Clock clock) {
    return new AllocatorOptions(clock, DEFAULT_INTERVAL, DEFAULT_MIN_ALLOCATABLE);
  }
}
