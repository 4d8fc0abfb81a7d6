package io.drover.marathon.instance;

import io.drover.marathon.app.TaskFailure;
import java.util.List;

/**
 * Where each app's last task failure is kept, so that a new leader still shows it. Writes are sent and
 * not waited for: a failure not yet stored when the leader goes is lost, nothing else is held back.
 */
public interface TaskFailureStore {
  List<TaskFailure> loadAll();

  /** Replaces the app's stored failure. */
  void store(TaskFailure failure);
}
