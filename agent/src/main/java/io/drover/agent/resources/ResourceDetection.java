package io.drover.agent.resources;

import io.drover.core.Ranges;
import io.drover.core.Resources;
import io.drover.core.ValueRange;
import java.util.HashSet;
import java.util.Set;

/**
 * Decides what an agent offers: cpus, memory and disk from the host's facts less a headroom kept for the
 * system, and a default port range. Every resource named in the operator's {@code --resources} replaces
 * the detected one; names the agent does not detect are added as given.
 */
public final class ResourceDetection {
  public static final Ranges DEFAULT_PORTS = Ranges.of(ValueRange.of(31000, 32000));

  private static final long MIB = 1024L * 1024;
  private static final long GIB = 1024 * MIB;
  /** Memory kept for the system: 20% of it, at most 1 GiB. */
  private static final long MAX_MEM_HEADROOM = GIB;
  private static final double MEM_HEADROOM_SHARE = 0.2;
  /** Disk kept free: 10% of the free space, at most 5 GiB. */
  private static final long MAX_DISK_HEADROOM = 5 * GIB;
  private static final double DISK_HEADROOM_SHARE = 0.1;

  private ResourceDetection() {}

  public static Resources resources(HostFacts facts, Resources overrides) {
    Resources detected =
        Resources.builder()
            .scalar(Resources.CPUS, facts.processors())
            .scalar(Resources.MEM, mebibytes(lessHeadroom(facts.totalMemoryBytes(), MEM_HEADROOM_SHARE, MAX_MEM_HEADROOM)))
            .scalar(Resources.DISK, mebibytes(lessHeadroom(facts.freeDiskBytes(), DISK_HEADROOM_SHARE, MAX_DISK_HEADROOM)))
            .ranges(Resources.PORTS, DEFAULT_PORTS)
            .build();
    Set<String> overridden = new HashSet<>(overrides.scalarNames());
    overridden.addAll(overrides.rangeNames());
    overridden.addAll(overrides.setNames());
    Resources.Builder out = Resources.builder().add(overrides);
    for (String name : detected.scalarNames()) {
      if (!overridden.contains(name)) {
        out.scalar(name, detected.scalar(name));
      }
    }
    for (String name : detected.rangeNames()) {
      if (!overridden.contains(name)) {
        out.ranges(name, detected.ranges(name));
      }
    }
    return out.build();
  }

  private static long lessHeadroom(long bytes, double share, long maxHeadroom) {
    return bytes - Math.min(maxHeadroom, (long) (bytes * share));
  }

  /** Whole MiB, as Mesos reports memory and disk. */
  private static long mebibytes(long bytes) {
    return bytes / MIB;
  }
}
