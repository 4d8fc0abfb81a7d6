package io.drover.agent.containerizer.command;

import static io.drover.agent.containerizer.command.Launches.alive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.agent.Tasks;
import io.drover.agent.containerizer.ContainerLaunch;
import io.drover.agent.containerizer.LaunchException;
import io.drover.agent.containerizer.RunningContainer;
import io.drover.agent.containerizer.Termination;
import io.drover.core.CommandInfo;
import io.drover.core.TaskInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command containerizer running real processes. */
class CommandContainerizerTest {
  @TempDir Path dir;
  private CommandContainerizer containerizer;

  @BeforeEach
  void start() {
    containerizer = new CommandContainerizer(System.getenv(), Duration.ofMillis(50));
  }

  @AfterEach
  void stop() {
    containerizer.close();
  }

  private RunningContainer launch(ContainerLaunch launch) throws Exception {
    return containerizer.launch(launch).get(10, TimeUnit.SECONDS);
  }

  private static Termination end(RunningContainer container) throws Exception {
    return container.termination().get(20, TimeUnit.SECONDS);
  }

  private static void awaitFile(Path file) {
    await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(file));
  }

  @Test
  void runsAShellCommandWithItsOutputInTheSandbox() throws Exception {
    ContainerLaunch launch = Launches.of(dir, Tasks.shell("echo", "echo hi; echo err >&2"));

    Termination termination = end(launch(launch));

    assertThat(termination).isEqualTo(Termination.exited(0, false));
    assertThat(launch.sandbox().resolve("stdout")).hasContent("hi");
    assertThat(launch.sandbox().resolve("stderr")).hasContent("err");
    assertThat(launch.sandbox().resolve("exit_status")).hasContent("0");
  }

  @Test
  void reportsANonZeroExitStatus() throws Exception {
    Termination termination = end(launch(Launches.of(dir, Tasks.shell("fail", "exit 3"))));

    assertThat(termination.exitStatus()).isEqualTo(OptionalInt.of(3));
    assertThat(termination.killed()).isFalse();
  }

  @Test
  void runsAnArgvCommandWithoutAShell() throws Exception {
    TaskInfo task = Tasks.shell("argv", "");
    task = new TaskInfo(task.id(), task.name(), task.agentId(), task.resources(), new CommandInfo("/bin/echo", List.of("echo", "a  $b"), false, Map.of()), Optional.empty(), Optional.empty(), null, Map.of());
    ContainerLaunch launch = Launches.of(dir, task);

    assertThat(end(launch(launch)).exitStatus()).isEqualTo(OptionalInt.of(0));
    assertThat(launch.sandbox().resolve("stdout")).hasContent("a  $b");
  }

  @Test
  void givesTheTaskItsEnvironment() throws Exception {
    TaskInfo task = Tasks.shell("env", "echo \"$DROVER_TASK_ID|$PORT0|$PORT1|$PORTS|$PORT|$DROVER_SANDBOX|$GREETING|$HOST|$(pwd)\"");
    task = new TaskInfo(task.id(), task.name(), task.agentId(), task.resources(), task.command().withEnvironment(Map.of("GREETING", "hello")), Optional.empty(), Optional.empty(), null, Map.of());
    ContainerLaunch launch = Launches.of(dir, task);

    end(launch(launch));

    String sandbox = launch.sandbox().toAbsolutePath().toString();
    assertThat(launch.sandbox().resolve("stdout")).hasContent("env|31005|31006|31005,31006|31005|" + sandbox + "|hello|test-host|" + sandbox);
  }

  @Test
  void aTaskThatStopsOnTermIsKilledQuickly() throws Exception {
    ContainerLaunch launch = Launches.of(dir, Tasks.shell("polite", "trap 'exit 0' TERM; touch ready; while true; do sleep 0.05; done"));
    RunningContainer container = launch(launch);
    awaitFile(launch.sandbox().resolve("ready"));

    long started = System.nanoTime();
    containerizer.kill(container.id(), Duration.ofSeconds(30));
    Termination termination = end(container);

    assertThat(termination.killed()).isTrue();
    assertThat(termination.exitStatus()).isEqualTo(OptionalInt.of(0));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aTaskThatIgnoresTermIsKilledAfterTheGracePeriod() throws Exception {
    ContainerLaunch launch = Launches.of(dir, Tasks.shell("stubborn", "trap '' TERM; touch ready; while true; do sleep 0.05; done"));
    RunningContainer container = launch(launch);
    awaitFile(launch.sandbox().resolve("ready"));

    long started = System.nanoTime();
    containerizer.kill(container.id(), Duration.ofMillis(1500));
    assertThat(container.termination()).isNotDone();
    Termination termination = end(container);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
    assertThat(termination.killed()).isTrue();
    assertThat(termination.exitStatus()).isEmpty();
  }

  @Test
  void killingEndsTheWholeProcessGroup() throws Exception {
    ContainerLaunch launch = Launches.of(dir, Tasks.shell("parent", "sleep 1000 & echo $! > child; wait"));
    RunningContainer container = launch(launch);
    awaitFile(launch.sandbox().resolve("child"));
    await().until(() -> !Files.readString(launch.sandbox().resolve("child")).isBlank());
    long child = Long.parseLong(Files.readString(launch.sandbox().resolve("child")).strip());
    assertThat(alive(child)).isTrue();

    containerizer.kill(container.id(), Duration.ofSeconds(5));

    assertThat(end(container).killed()).isTrue();
    await().atMost(Duration.ofSeconds(5)).until(() -> !alive(child));
  }

  @Test
  void processesLeftBehindByAFinishedTaskAreEnded() throws Exception {
    ContainerLaunch launch = Launches.of(dir, Tasks.shell("leaver", "sleep 1000 & echo $! > child"));
    RunningContainer container = launch(launch);

    assertThat(end(container)).isEqualTo(Termination.exited(0, false));
    long child = Long.parseLong(Files.readString(launch.sandbox().resolve("child")).strip());
    await().atMost(Duration.ofSeconds(5)).until(() -> !alive(child));
  }

  @Test
  void reportsTheUsageOfARunningTask() throws Exception {
    ContainerLaunch launch = Launches.of(dir, Tasks.shell("busy", "touch ready; sleep 1000"));
    RunningContainer container = launch(launch);
    awaitFile(launch.sandbox().resolve("ready"));

    await().untilAsserted(() -> assertThat(containerizer.usage(container.id())).hasValueSatisfying(u -> {
      assertThat(u.processes()).isGreaterThanOrEqualTo(2);
      assertThat(u.residentBytes()).isPositive();
    }));

    containerizer.kill(container.id(), Duration.ZERO);
    end(container);
    assertThat(containerizer.usage(container.id())).isEmpty();
  }

  @Test
  void aSandboxThatCannotBeCreatedFailsTheLaunchWithTheReason() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    ContainerLaunch launch = Launches.of(dir, Tasks.shell("nowhere", "true"));
    launch = new ContainerLaunch(launch.containerId(), launch.frameworkId(), launch.agentId(), launch.task(), file.resolve("sandbox"), launch.checkpointDir(), "h");

    var future = containerizer.launch(launch);

    assertThat(future).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(ExecutionException.class).havingCause().isInstanceOf(LaunchException.class).withMessageContaining("cannot start");
  }
}
