package io.drover.agent.containerizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.agent.Tasks;
import io.drover.core.FrameworkId;
import io.drover.core.TaskInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RoutingContainerizerTest {
  /** Records what it is asked; its containers end when a test completes their termination. */
  private static final class Recording implements Containerizer {
    final List<ContainerLaunch> launched = new ArrayList<>();
    final List<List<ContainerLaunch>> recovered = new ArrayList<>();
    final List<ContainerId> killed = new ArrayList<>();
    final Map<ContainerId, CompletableFuture<Termination>> ends = new java.util.HashMap<>();
    boolean closed;

    @Override
    public CompletableFuture<RunningContainer> launch(ContainerLaunch launch) {
      launched.add(launch);
      return CompletableFuture.completedFuture(running(launch.containerId()));
    }

    private RunningContainer running(ContainerId id) {
      return new RunningContainer(id, ends.computeIfAbsent(id, i -> new CompletableFuture<>()));
    }

    @Override
    public List<RunningContainer> recover(List<ContainerLaunch> checkpointed) {
      recovered.add(checkpointed);
      return checkpointed.stream().map(l -> running(l.containerId())).toList();
    }

    @Override
    public void kill(ContainerId id, Duration gracePeriod) {
      killed.add(id);
    }

    @Override
    public Optional<ResourceUsage> usage(ContainerId id) {
      return Optional.of(new ResourceUsage(1, 1, 1));
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private static ContainerLaunch launchOf(TaskInfo task) {
    ContainerId id = ContainerId.random();
    return new ContainerLaunch(id, FrameworkId.of("fw"), Tasks.AGENT, task, Path.of("/s"), Path.of("/m"), "h");
  }

  @Test
  void tasksWithAContainerGoToDockerAndTheOthersToTheCommandContainerizer() throws Exception {
    Recording command = new Recording();
    Recording docker = new Recording();
    RoutingContainerizer router = new RoutingContainerizer(command, Optional.of(docker));
    ContainerLaunch shell = launchOf(Tasks.shell("s", "true"));
    ContainerLaunch boxed = launchOf(Tasks.docker("d"));

    router.launch(shell).get(1, TimeUnit.SECONDS);
    router.launch(boxed).get(1, TimeUnit.SECONDS);
    router.kill(boxed.containerId(), Duration.ZERO);
    router.kill(shell.containerId(), Duration.ZERO);

    assertThat(command.launched).containsExactly(shell);
    assertThat(docker.launched).containsExactly(boxed);
    assertThat(docker.killed).containsExactly(boxed.containerId());
    assertThat(command.killed).containsExactly(shell.containerId());
    assertThat(router.usage(boxed.containerId())).isPresent();

    docker.ends.get(boxed.containerId()).complete(Termination.exited(0, false));
    router.kill(boxed.containerId(), Duration.ZERO);
    assertThat(docker.killed).hasSize(1);
    assertThat(router.usage(boxed.containerId())).isEmpty();
    router.close();
    assertThat(command.closed && docker.closed).isTrue();
  }

  @Test
  void recoveryAsksBothEvenWithNothingCheckpointedSoThatOrphansAreFound() {
    Recording command = new Recording();
    Recording docker = new Recording();
    RoutingContainerizer router = new RoutingContainerizer(command, Optional.of(docker));
    ContainerLaunch boxed = launchOf(Tasks.docker("d"));

    assertThat(router.recover(List.of(boxed))).extracting(RunningContainer::id).containsExactly(boxed.containerId());
    assertThat(command.recovered).containsExactly(List.of());
    assertThat(docker.recovered).containsExactly(List.of(boxed));
    router.kill(boxed.containerId(), Duration.ZERO);
    assertThat(docker.killed).containsExactly(boxed.containerId());
  }

  @Test
  void withoutDockerContainerTasksCannotStartAndRecoveredOnesEndSayingWhy() throws Exception {
    RoutingContainerizer router = new RoutingContainerizer(new Recording(), Optional.empty());
    ContainerLaunch boxed = launchOf(Tasks.docker("d"));

    assertThatThrownBy(() -> router.launch(boxed).get(1, TimeUnit.SECONDS)).hasCauseInstanceOf(LaunchException.class).hasMessageContaining("no Docker engine");
    Termination end = router.recover(List.of(boxed)).get(0).termination().get(1, TimeUnit.SECONDS);
    assertThat(end.exitStatus()).isEmpty();
    assertThat(end.detail()).contains("without a Docker engine");
  }
}
