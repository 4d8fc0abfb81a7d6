package io.drover.agent.containerizer.command;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends signals to process groups with the system's {@code kill} (the JDK cannot signal a group). */
final class ProcessSignals {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessSignals.class);

  private ProcessSignals() {}

  /** Signals every process of the group led by {@code processGroup}; false when none was signalled. */
  static boolean signalGroup(long processGroup, String signal) {
    return kill(signal, "-" + processGroup);
  }

  private static boolean kill(String signal, String target) {
    try {
      Process p = new ProcessBuilder("kill", "-s", signal, "--", target).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        LOG.warn("kill -s {} {} did not return within 10 s", signal, target);
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      LOG.warn("cannot run kill -s {} {}: {}", signal, target, e.toString());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
