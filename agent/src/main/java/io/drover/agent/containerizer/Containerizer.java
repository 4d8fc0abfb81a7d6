package io.drover.agent.containerizer;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Starts, watches, kills and re-adopts the containers that run tasks. Implementations: {@code
 * CommandContainerizer} (plain processes); a Docker one sits beside it.
 *
 * <p>Closing a containerizer stops watching; the containers keep running, so that a restarted agent
 * can re-adopt them with {@link #recover}.
 */
public interface Containerizer extends AutoCloseable {
  /**
   * Starts the task. The future completes once the container runs and what identifies it is
   * checkpointed, or fails with a {@link LaunchException} that says why it could not start.
   */
  CompletableFuture<RunningContainer> launch(ContainerLaunch launch);

  /**
   * Finds the containers of a previous agent run again. Each one comes back: still running (watched
   * again), or already ended (its termination completed, with the exit status it left when known).
   */
  List<RunningContainer> recover(List<ContainerLaunch> checkpointed);

  /** Asks the container to stop, and forces it after {@code gracePeriod}. Unknown or ended: nothing to do. */
  void kill(ContainerId id, Duration gracePeriod);

  /** What a running container uses; empty when it is not running here. */
  Optional<ResourceUsage> usage(ContainerId id);

  @Override
  void close();
}
