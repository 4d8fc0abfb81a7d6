package io.drover.agent.resources;

/** What the host has, as measured: processors, physical memory and the free space of the work dir. */
public record HostFacts(int processors, long totalMemoryBytes, long freeDiskBytes) {
  public HostFacts {
    if (processors < 1 || totalMemoryBytes < 0 || freeDiskBytes < 0) {
      throw new IllegalArgumentException(
          "implausible host facts: " + processors + " processors, " + totalMemoryBytes + " bytes of memory, " + freeDiskBytes + " bytes of disk");
    }
  }
}
