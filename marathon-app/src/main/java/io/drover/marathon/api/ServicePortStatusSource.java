package io.drover.marathon.api;

import io.drover.marathon.app.AppCounts;
import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.app.AppStatusSource;
import io.drover.marathon.app.PathId;
import io.drover.marathon.app.TaskFailure;
import io.drover.marathon.app.TaskView;
import io.drover.marathon.deployment.DeploymentManager;
import java.util.List;
import java.util.Optional;

/**
 * The scheduling side's status with each task's {@code servicePorts} filled in from its app's current
 * definition, as Marathon shows them (service ports belong to the app, not to an instance).
 */
final class ServicePortStatusSource implements AppStatusSource {
  private final AppStatusSource status;
  private final DeploymentManager manager;

  ServicePortStatusSource(AppStatusSource status, DeploymentManager manager) {
    this.status = status;
    this.manager = manager;
  }

  @Override
  public AppCounts counts(PathId appId) {
    return status.counts(appId);
  }

  @Override
  public List<TaskView> tasks(PathId appId) {
    List<TaskView> tasks = status.tasks(appId);
    Optional<List<Integer>> ports = manager.isLeading() ? manager.root().app(appId).map(AppDefinition::servicePorts) : Optional.empty();
    if (ports.isEmpty() || ports.get().isEmpty() || tasks.isEmpty()) {
      return tasks;
    }
    return tasks.stream().map(task -> task.withServicePorts(ports.get())).toList();
  }

  @Override
  public Optional<TaskFailure> lastTaskFailure(PathId appId) {
    return status.lastTaskFailure(appId);
  }
}
