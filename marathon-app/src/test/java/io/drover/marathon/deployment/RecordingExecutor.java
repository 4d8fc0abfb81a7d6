package io.drover.marathon.deployment;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An executor that only records what it is asked to do; tests report progress themselves. */
public final class RecordingExecutor implements DeploymentExecutor {
  public final List<Deployment> started = new CopyOnWriteArrayList<>();
  public final List<String> cancelled = new CopyOnWriteArrayList<>();

  @Override
  public void start(Deployment deployment, DeploymentProgress progress) {
    started.add(deployment);
  }

  @Override
  public void cancel(String deploymentId) {
    cancelled.add(deploymentId);
  }
}
