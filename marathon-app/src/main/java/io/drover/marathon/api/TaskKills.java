package io.drover.marathon.api;

import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.app.AppStatusSource;
import io.drover.marathon.app.PathId;
import io.drover.marathon.app.TaskView;
import io.drover.marathon.deployment.AppLockedException;
import io.drover.marathon.deployment.DeploymentManager;
import io.drover.marathon.deployment.DeploymentPlan;
import io.drover.marathon.group.RootGroup;
import io.drover.marathon.instance.InstanceId;
import io.drover.marathon.instance.KillMode;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Kills tasks for {@code DELETE /v2/apps/{id}/tasks[/{taskId}]} and {@code POST /v2/tasks/delete}.
 * With {@code scale}, the apps' stored instance counts drop by the tasks killed, through a deployment,
 * so that a new leader does not bring them back; the locks are checked before anything is killed.
 * With {@code wipe} the instances are forgotten at once and replaced without waiting for their end.
 */
final class TaskKills {
  private final DeploymentManager manager;
  private final AppStatusSource status;
  private final InstanceControl instances;

  TaskKills(DeploymentManager manager, AppStatusSource status, InstanceControl instances) {
    this.manager = manager;
    this.status = status;
    this.instances = instances;
  }

  /** The query of a kill: {@code scale} and {@code wipe} exclude each other (400, as in Marathon). */
  record Options(boolean scale, boolean wipe, boolean force) {
    Options {
      if (scale && wipe) {
        throw ApiException.withMessage(400, "You cannot use scale and wipe at the same time.");
      }
    }

    KillMode mode() {
      return scale ? KillMode.SCALE_DOWN : wipe ? KillMode.WIPE : KillMode.RESTART;
    }
  }

  /** What a kill did: the tasks killed, and the deployment that lowered the counts when scaling. */
  record Outcome(List<TaskView> killed, Optional<DeploymentPlan> scaling) {
    /** Marathon's answer: the deployment when the kill scaled the app, else {@code killedBody} of the killed tasks. */
    Response answer(Function<List<TaskView>, Object> killedBody) {
      return scaling.map(plan -> JsonResponses.ok(DeploymentResult.of(plan))).orElseGet(() -> JsonResponses.ok(killedBody.apply(killed)));
    }
  }

  /** The app's tasks, those on {@code host} only if given. */
  Outcome killAppTasks(PathId appId, Optional<String> host, Options options) {
    requireApp(appId);
    List<TaskView> chosen = status.tasks(appId).stream().filter(task -> host.map(h -> h.equals(task.host())).orElse(true)).toList();
    return kill(chosen, options);
  }

  Outcome killAppTask(PathId appId, String taskId, Options options) {
    requireApp(appId);
    TaskView task =
        status.tasks(appId).stream()
            .filter(t -> t.id().equals(taskId))
            .findFirst()
            .orElseThrow(() -> ApiException.withMessage(404, "Task '" + taskId + "' does not exist"));
    return kill(List.of(task), options);
  }

  /** Tasks of any apps by id; ids that name no known task are ignored, as Marathon does. */
  Outcome killTasks(Collection<String> taskIds, Options options) {
    Set<String> wanted = new TreeSet<>(taskIds);
    List<TaskView> chosen = new ArrayList<>();
    for (AppDefinition app : manager.root().apps()) {
      for (TaskView task : status.tasks(app.id())) {
        if (wanted.contains(task.id())) {
          chosen.add(task);
        }
      }
    }
    return kill(chosen, options);
  }

  private void requireApp(PathId appId) {
    if (manager.root().app(appId).isEmpty()) {
      throw ApiException.unknownApp(appId);
    }
  }

  private Outcome kill(List<TaskView> tasks, Options options) {
    boolean scale = options.scale();
    boolean force = options.force();
    Map<PathId, Integer> killedPerApp = new LinkedHashMap<>();
    tasks.forEach(task -> killedPerApp.merge(task.appId(), 1, Integer::sum));
    if (scale && !force) {
      List<String> locks = killedPerApp.keySet().stream().flatMap(app -> manager.deploymentsOf(app).stream()).distinct().toList();
      if (!locks.isEmpty()) {
        throw new AppLockedException(locks);
      }
    }
    if (tasks.isEmpty()) {
      return new Outcome(List.of(), Optional.empty());
    }
    instances.kill(tasks.stream().map(task -> new InstanceId(task.id())).toList(), options.mode());
    if (!scale) {
      return new Outcome(tasks, Optional.empty());
    }
    DeploymentPlan plan = manager.deploy(DeploymentManager.Change.of(root -> lowered(root, killedPerApp), force));
    return new Outcome(tasks, Optional.of(plan));
  }

  private static RootGroup lowered(RootGroup root, Map<PathId, Integer> killedPerApp) {
    RootGroup result = root;
    for (Map.Entry<PathId, Integer> killed : killedPerApp.entrySet()) {
      Optional<AppDefinition> app = result.app(killed.getKey());
      if (app.isPresent()) {
        result = result.putApp(app.get().withInstances(Math.max(0, app.get().instances() - killed.getValue())));
      }
    }
    return result;
  }
}
