package io.drover.agent.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real shell processes. */
class CommandProbeTest {
  private static final Map<String, String> ENV = Map.of("PATH", System.getenv("PATH"), "FLAG", "healthy");

  @TempDir Path sandbox;

  @Test
  void exitZeroPassesAndOtherStatusesFail() throws Exception {
    CommandProbe probe = new CommandProbe("test -f \"$FLAG\"", ENV, sandbox);

    assertThat(probe.probe(Duration.ofSeconds(5))).satisfies(r -> {
      assertThat(r.passed()).isFalse();
      assertThat(r.detail()).isEqualTo("the check command exited 1");
    });
    Files.writeString(sandbox.resolve("healthy"), "");
    assertThat(probe.probe(Duration.ofSeconds(5)).passed()).isTrue();
  }

  @Test
  void itRunsWithOnlyTheGivenEnvironment() {
    assertThat(new CommandProbe("[ -z \"$HOME\" ] && [ \"$FLAG\" = healthy ]", ENV, sandbox).probe(Duration.ofSeconds(5)).passed()).isTrue();
  }

  @Test
  void aCommandThatOverrunsItsTimeoutIsKilledAndFails() throws Exception {
    ProbeResult result = new CommandProbe("echo $$ > pid; sleep 30 & echo $! > child; wait", ENV, sandbox).probe(Duration.ofMillis(500));

    assertThat(result.passed()).isFalse();
    assertThat(result.detail()).contains("within 500 ms");
    long child = Long.parseLong(Files.readString(sandbox.resolve("child")).strip());
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false) == false);
  }
}
