package io.drover.examples.hello;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** How a hello run ended: counts per end, and whether it ran out of time or hit an error. */
record HelloOutcome(int tasks, int finished, int failed, int lost, Optional<String> error, boolean timedOut, Duration elapsed) {
  int unfinished() {
    return tasks - finished - failed - lost;
  }

  /** 0 only if every task finished. */
  int exitCode() {
    return finished == tasks && error.isEmpty() ? 0 : 1;
  }

  /** One line, e.g. {@code hello: 20 tasks: 20 finished, 0 failed, 0 lost in 3.2 s}. */
  String summary() {
    StringBuilder line =
        new StringBuilder()
            .append("hello: ")
            .append(tasks)
            .append(tasks == 1 ? " task: " : " tasks: ")
            .append(finished)
            .append(" finished, ")
            .append(failed)
            .append(" failed, ")
            .append(lost)
            .append(" lost");
    if (unfinished() > 0) {
      line.append(", ").append(unfinished()).append(" unfinished");
    }
    line.append(String.format(Locale.ROOT, " in %.1f s", elapsed.toMillis() / 1000.0));
    if (timedOut) {
      line.append(" (timed out)");
    }
    error.ifPresent(e -> line.append(" (error: ").append(e).append(')'));
    return line.toString();
  }
}
