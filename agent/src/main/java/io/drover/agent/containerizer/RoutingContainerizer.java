package io.drover.agent.containerizer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends each task to the containerizer that runs its kind: tasks with a container to the Docker one
 * (when the agent has one), the others to the command one. Kills and usage go to the containerizer that
 * runs the container.
 */
public final class RoutingContainerizer implements Containerizer {
  private final Containerizer command;
  private final Optional<Containerizer> docker;
  private final Map<ContainerId, Containerizer> owners = new ConcurrentHashMap<>();

  public RoutingContainerizer(Containerizer command, Optional<Containerizer> docker) {
    this.command = command;
    this.docker = docker;
  }

  @Override
  public CompletableFuture<RunningContainer> launch(ContainerLaunch launch) {
    if (launch.task().container().isPresent() && docker.isEmpty()) {
      return CompletableFuture.failedFuture(new LaunchException("the task has a container but the agent has no Docker engine", null));
    }
    Containerizer target = launch.task().container().isPresent() ? docker.get() : command;
    owners.put(launch.containerId(), target);
    return target.launch(launch).whenComplete((running, failure) -> {
      if (failure != null) {
        owners.remove(launch.containerId());
      } else {
        forgetWhenEnded(running);
      }
    });
  }

  @Override
  public List<RunningContainer> recover(List<ContainerLaunch> checkpointed) {
    List<ContainerLaunch> commands = new ArrayList<>();
    List<ContainerLaunch> containers = new ArrayList<>();
    checkpointed.forEach(l -> (l.task().container().isPresent() ? containers : commands).add(l));
    List<RunningContainer> out = new ArrayList<>(adopt(command, commands));
    if (docker.isPresent()) {
      out.addAll(adopt(docker.get(), containers));
    } else {
      for (ContainerLaunch l : containers) {
        out.add(new RunningContainer(l.containerId(), CompletableFuture.completedFuture(Termination.withoutStatus("the agent restarted without a Docker engine, so the task's container cannot be found", false))));
      }
    }
    return out;
  }

  /** Always asks, even with nothing checkpointed: a containerizer also cleans up what no run claims. */
  private List<RunningContainer> adopt(Containerizer target, List<ContainerLaunch> launches) {
    List<RunningContainer> recovered = target.recover(launches);
    for (RunningContainer c : recovered) {
      owners.put(c.id(), target);
      forgetWhenEnded(c);
    }
    return recovered;
  }

  private void forgetWhenEnded(RunningContainer container) {
    container.termination().whenComplete((t, e) -> owners.remove(container.id()));
  }

  @Override
  public void kill(ContainerId id, Duration gracePeriod) {
    Containerizer owner = owners.get(id);
    if (owner != null) {
      owner.kill(id, gracePeriod);
    }
  }

  @Override
  public Optional<ResourceUsage> usage(ContainerId id) {
    Containerizer owner = owners.get(id);
    return owner == null ? Optional.empty() : owner.usage(id);
  }

  @Override
  public void close() {
    command.close();
    docker.ifPresent(Containerizer::close);
  }
}
