package io.drover.agent.health;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code sh -c command} in the task's sandbox with the task's environment; passes when it exits 0
 * within the timeout. One that runs longer is killed with everything it started.
 */
public final class CommandProbe implements HealthProbe {
  private final String command;
  private final Map<String, String> environment;
  private final Path directory;

  public CommandProbe(String command, Map<String, String> environment, Path directory) {
    this.command = command;
    this.environment = Map.copyOf(environment);
    this.directory = directory;
  }

  @Override
  public ProbeResult probe(Duration timeout) {
    ProcessBuilder builder = new ProcessBuilder("sh", "-c", command).directory(directory.toFile()).redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().clear();
    builder.environment().putAll(environment);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return ProbeResult.failed("cannot run the check command: " + e.getMessage());
    }
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(process);
        return ProbeResult.failed("the check command did not end within " + timeout.toMillis() + " ms");
      }
      int status = process.exitValue();
      return status == 0 ? ProbeResult.passed("the check command exited 0") : ProbeResult.failed("the check command exited " + status);
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
      return ProbeResult.failed("the check command was interrupted");
    }
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  @Override
  public String toString() {
    return "COMMAND " + command;
  }
}
