package io.drover.marathon.storage;

import io.drover.marathon.app.TaskFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Each app's last task failure, one node per app ({@code task-failures/<app id>}); an app's node goes
 * with the app (see {@link GroupRepository#stageChange}).
 */
public final class TaskFailureRepository {
  private final ZooKeeperStateStore store;
  private final MarathonPaths paths;

  public TaskFailureRepository(ZooKeeperStateStore store) {
    this.store = store;
    this.paths = store.paths();
  }

  public List<TaskFailure> loadAll() {
    List<TaskFailure> failures = new ArrayList<>();
    for (String node : store.children(paths.taskFailures())) {
      store.read(paths.taskFailures() + "/" + node, TaskFailure.class).ifPresent(failures::add);
    }
    return failures;
  }

  public CompletableFuture<Void> put(TaskFailure failure) {
    return store.commit(store.transaction().put(paths.taskFailure(failure.appId()), failure));
  }
}
