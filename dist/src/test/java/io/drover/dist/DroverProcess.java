package io.drover.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged {@code drover} jar run as a real process, its output kept in a file. */
final class DroverProcess implements AutoCloseable {
  static final Path JAR = Path.of("target", "drover.jar").toAbsolutePath();

  private final Process process;
  private final Path output;

  private DroverProcess(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  static DroverProcess start(Path outputDir, String name, String... args) throws IOException {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR + " is missing: the package phase builds it before the integration tests");
    }
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Path output = outputDir.resolve(name + ".out");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    return new DroverProcess(process, output);
  }

  /** Waits for the process to end and returns its exit code. */
  int awaitExit(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("drover did not exit within " + seconds + " s; output:\n" + output());
    }
    return process.exitValue();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String output() {
    try {
      return Files.readString(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  /** Asks it to stop as Ctrl-C would, and waits. */
  int stop() throws InterruptedException {
    process.destroy();
    return awaitExit(30);
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
