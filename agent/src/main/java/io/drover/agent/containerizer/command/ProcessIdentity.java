package io.drover.agent.containerizer.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A process as the agent checkpoints it: its pid, its start time (which a later process with the same
 * pid does not share) and the boot it ran in (start times restart at every boot).
 */
record ProcessIdentity(long pid, long startTime, String bootId) {
  private static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");

  static ProcessIdentity parse(String text) {
    String[] f = text.strip().split("\\s+");
    if (f.length != 3) {
      throw new IllegalArgumentException("a process checkpoint holds 'pid starttime bootid', not '" + text.strip() + "'");
    }
    return new ProcessIdentity(Long.parseLong(f[0]), Long.parseLong(f[1]), f[2]);
  }

  String format() {
    return pid + " " + startTime + " " + bootId + "\n";
  }

  static String currentBootId() {
    try {
      return Files.readString(BOOT_ID).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + BOOT_ID, e);
    }
  }

  /** What the process with this pid is now, if it is this very process and still running. */
  Verdict check(Optional<ProcStat> now, String currentBootId) {
    if (!bootId.equals(currentBootId)) {
      return new Verdict(false, "the host has rebooted since process " + pid + " was started");
    }
    if (now.isEmpty() || now.get().exited()) {
      return new Verdict(false, "process " + pid + " has exited");
    }
    if (now.get().startTime() != startTime) {
      return new Verdict(false, "pid " + pid + " now belongs to another process (its start time differs)");
    }
    return new Verdict(true, "process " + pid + " is still running");
  }

  /** Whether the checkpointed process is still running, and why not. */
  record Verdict(boolean running, String reason) {}
}
