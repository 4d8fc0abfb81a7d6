package io.drover.agent.containerizer.command;

import static io.drover.agent.containerizer.command.Launches.alive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.agent.Tasks;
import io.drover.agent.containerizer.ContainerLaunch;
import io.drover.agent.containerizer.RunningContainer;
import io.drover.agent.containerizer.Termination;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A containerizer that is dropped without killing its processes (the agent died) and a new one on the
 * same directories: live processes are re-adopted, dead ones reported with the status they left.
 */
class ReadoptionTest {
  /** Runs until a {@code stop} file appears in its sandbox, then exits 7. */
  private static final String WAIT_FOR_STOP = "touch ready; while [ ! -f stop ]; do sleep 0.05; done; exit 7";

  @TempDir Path dir;
  private CommandContainerizer containerizer = newContainerizer();

  private static CommandContainerizer newContainerizer() {
    return new CommandContainerizer(System.getenv(), Duration.ofMillis(50));
  }

  @AfterEach
  void stop() {
    containerizer.close();
  }

  private ContainerLaunch startWaitingTask() throws Exception {
    ContainerLaunch launch = Launches.of(dir, Tasks.shell("waiter", WAIT_FOR_STOP, Duration.ofMillis(500)));
    containerizer.launch(launch).get(10, TimeUnit.SECONDS);
    await().until(() -> Files.exists(launch.sandbox().resolve("ready")));
    return launch;
  }

  /** The agent dies: its containerizer stops watching, the task runs on. */
  private void agentDies() {
    containerizer.close();
    containerizer = newContainerizer();
  }

  private static long checkpointedPid(ContainerLaunch launch) throws Exception {
    return ProcessIdentity.parse(Files.readString(launch.checkpointDir().resolve("process"))).pid();
  }

  @Test
  void aRestartedAgentReadoptsTheRunningProcessAndSeesItsRealExit() throws Exception {
    ContainerLaunch launch = startWaitingTask();
    long pid = checkpointedPid(launch);

    agentDies();
    List<RunningContainer> recovered = containerizer.recover(List.of(launch));

    assertThat(recovered).hasSize(1);
    RunningContainer container = recovered.get(0);
    assertThat(container.id()).isEqualTo(launch.containerId());
    assertThat(container.termination()).isNotDone();
    assertThat(alive(pid)).isTrue();
    assertThat(containerizer.usage(container.id())).isPresent();

    Files.writeString(launch.sandbox().resolve("stop"), "");

    assertThat(container.termination().get(10, TimeUnit.SECONDS)).isEqualTo(Termination.exited(7, false));
  }

  @Test
  void aProcessThatExitedWhileTheAgentWasDownGetsItsExitStatusFromTheSandbox() throws Exception {
    ContainerLaunch launch = startWaitingTask();
    long pid = checkpointedPid(launch);

    agentDies();
    Files.writeString(launch.sandbox().resolve("stop"), "");
    await().atMost(Duration.ofSeconds(10)).until(() -> !alive(pid));
    RunningContainer container = containerizer.recover(List.of(launch)).get(0);

    assertThat(container.termination()).isCompletedWithValue(Termination.exited(7, false));
  }

  @Test
  void aReusedPidIsNotAdopted() throws Exception {
    Process stranger = new ProcessBuilder("sleep", "60").start();
    try {
      ContainerLaunch launch = Launches.of(dir, Tasks.shell("gone", "true"));
      long startTime = ProcStat.read(stranger.pid()).orElseThrow().startTime();
      Files.createDirectories(launch.checkpointDir());
      ProcessIdentity before = new ProcessIdentity(stranger.pid(), startTime - 1, ProcessIdentity.currentBootId());
      Files.writeString(launch.checkpointDir().resolve("process"), before.format(), StandardCharsets.UTF_8);

      RunningContainer container = containerizer.recover(List.of(launch)).get(0);

      assertThat(container.termination()).isDone();
      Termination termination = container.termination().get();
      assertThat(termination.exitStatus()).isEmpty();
      assertThat(termination.detail()).contains("start time differs");
      assertThat(stranger.isAlive()).isTrue();
    } finally {
      stranger.destroyForcibly();
    }
  }

  @Test
  void aProcessFromAnotherBootIsNotAdopted() throws Exception {
    ContainerLaunch launch = Launches.of(dir, Tasks.shell("old", "true"));
    long self = ProcessHandle.current().pid();
    Files.createDirectories(launch.checkpointDir());
    Files.writeString(launch.checkpointDir().resolve("process"), new ProcessIdentity(self, ProcStat.read(self).orElseThrow().startTime(), "another-boot").format());

    Termination termination = containerizer.recover(List.of(launch)).get(0).termination().get();

    assertThat(termination.detail()).contains("rebooted");
  }

  @Test
  void aLaunchTheAgentNeverCheckpointedEndsWithoutStatus() throws Exception {
    ContainerLaunch launch = Launches.of(dir, Tasks.shell("never", "true"));

    Termination termination = containerizer.recover(List.of(launch)).get(0).termination().get();

    assertThat(termination.exitStatus()).isEmpty();
    assertThat(termination.detail()).contains("before the task's process was started");
  }

  @Test
  void aKillInterruptedByAnAgentRestartIsFinishedByTheNextAgent() throws Exception {
    ContainerLaunch launch = Launches.of(dir, Tasks.shell("stubborn", "trap '' TERM; touch ready; while true; do sleep 0.05; done", Duration.ofMillis(300)));
    RunningContainer first = containerizer.launch(launch).get(10, TimeUnit.SECONDS);
    await().until(() -> Files.exists(launch.sandbox().resolve("ready")));
    containerizer.kill(first.id(), Duration.ofMinutes(10));

    agentDies();
    RunningContainer container = containerizer.recover(List.of(launch)).get(0);

    Termination termination = container.termination().get(10, TimeUnit.SECONDS);
    assertThat(termination.killed()).isTrue();
    assertThat(termination.exitStatus()).isEqualTo(OptionalInt.empty());
  }
}
