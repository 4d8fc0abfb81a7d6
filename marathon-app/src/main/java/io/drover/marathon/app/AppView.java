package io.drover.marathon.app;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * An app as the API returns it: the definition's fields followed by the read-only ones. Null parts
 * are left out of the JSON, which is how {@code embed} chooses what a listing carries.
 */
public record AppView(
    @JsonUnwrapped AppDefinition app,
    Integer tasksStaged,
    Integer tasksRunning,
    Integer tasksHealthy,
    Integer tasksUnhealthy,
    List<DeploymentRef> deployments,
    List<TaskView> tasks,
    TaskFailure lastTaskFailure) {

  public static AppView of(AppDefinition app) {
    return new AppView(app, null, null, null, null, null, null, null);
  }

  public AppView withCounts(AppCounts counts) {
    return new AppView(
        app, counts.tasksStaged(), counts.tasksRunning(), counts.tasksHealthy(), counts.tasksUnhealthy(),
        deployments, tasks, lastTaskFailure);
  }

  public AppView withDeployments(List<DeploymentRef> refs) {
    return new AppView(app, tasksStaged, tasksRunning, tasksHealthy, tasksUnhealthy, refs, tasks, lastTaskFailure);
  }

  public AppView withTasks(List<TaskView> list) {
    return new AppView(app, tasksStaged, tasksRunning, tasksHealthy, tasksUnhealthy, deployments, list, lastTaskFailure);
  }

  public AppView withLastTaskFailure(TaskFailure failure) {
    return new AppView(app, tasksStaged, tasksRunning, tasksHealthy, tasksUnhealthy, deployments, tasks, failure);
  }
}
