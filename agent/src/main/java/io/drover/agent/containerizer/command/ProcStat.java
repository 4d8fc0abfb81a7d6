package io.drover.agent.containerizer.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The fields of {@code /proc/<pid>/stat} the agent uses (see proc(5)): state, process group, session,
 * CPU times (in clock ticks), and start time (clock ticks after boot; field 22).
 */
record ProcStat(long pid, char state, long processGroup, long session, long userTicks, long systemTicks, long startTime) {
  private static final Path PROC = Path.of("/proc");

  /** The process's stat now; empty when there is no such process. */
  static Optional<ProcStat> read(long pid) {
    try {
      return Optional.of(parse(pid, Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.UTF_8)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      // The process went away while being read.
      return Optional.empty();
    }
  }

  /** Parses one stat line. The command name may hold spaces and parentheses, so fields are counted after its last ')'. */
  static ProcStat parse(long pid, String line) {
    int close = line.lastIndexOf(')');
    if (close < 0 || close + 2 > line.length()) {
      throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + line);
    }
    String[] f = line.substring(close + 2).strip().split(" ");
    if (f.length < 20) {
      throw new IllegalArgumentException("a /proc/<pid>/stat line with too few fields: " + line);
    }
    // f[0] is field 3 (state), so field n is f[n - 3].
    return new ProcStat(
        pid,
        f[0].charAt(0),
        Long.parseLong(f[5 - 3]),
        Long.parseLong(f[6 - 3]),
        Long.parseLong(f[14 - 3]),
        Long.parseLong(f[15 - 3]),
        Long.parseLong(f[22 - 3]));
  }

  /** A zombie or dead process has exited; it only waits to be reaped. */
  boolean exited() {
    return state == 'Z' || state == 'X' || state == 'x';
  }
}
