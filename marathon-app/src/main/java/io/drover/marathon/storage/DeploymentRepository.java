package io.drover.marathon.storage;

import io.drover.marathon.deployment.Deployment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Deployments under way, one node each, so a new leader can resume them. */
public final class DeploymentRepository {
  private final ZooKeeperStateStore store;
  private final MarathonPaths paths;

  public DeploymentRepository(ZooKeeperStateStore store) {
    this.store = store;
    this.paths = store.paths();
  }

  public List<Deployment> loadAll() {
    List<Deployment> deployments = new ArrayList<>();
    for (String node : store.children(paths.deployments())) {
      store.read(paths.deployments() + "/" + node, Deployment.class).ifPresent(deployments::add);
    }
    deployments.sort(Comparator.comparing(d -> d.plan().version()));
    return deployments;
  }

  public void stagePut(StateTransaction transaction, Deployment deployment) {
    transaction.put(paths.deployment(deployment.id()), deployment);
  }

  public void stageRemove(StateTransaction transaction, String deploymentId) {
    transaction.remove(paths.deployment(deploymentId));
  }
}
