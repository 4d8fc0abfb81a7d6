package io.drover.agent.resources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** Measures the host the agent runs on. */
public final class HostProbe {
  private HostProbe() {}

  /** Measures processors, physical memory and the usable space of the file system holding {@code workDir}. */
  public static HostFacts measure(Path workDir) {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try {
      Files.createDirectories(workDir);
      return new HostFacts(Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize(), Files.getFileStore(workDir).getUsableSpace());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot measure the free space of the work dir " + workDir, e);
    }
  }
}
