package io.drover.marathon.app;

import java.util.List;
import java.util.Optional;

/**
 * Where the read-only parts of an app's JSON come from: the instance tracker of the scheduling side
 * implements it. Calls come from HTTP threads and must be cheap and thread-safe (the API lists every
 * app's counts in one request).
 */
public interface AppStatusSource {
  /** Answers zero counts and no tasks: the state before any instance has been launched. */
  AppStatusSource NONE =
      new AppStatusSource() {
        @Override
        public AppCounts counts(PathId appId) {
          return AppCounts.NONE;
        }

        @Override
        public List<TaskView> tasks(PathId appId) {
          return List.of();
        }

        @Override
        public Optional<TaskFailure> lastTaskFailure(PathId appId) {
          return Optional.empty();
        }
      };

  AppCounts counts(PathId appId);

  /** The app's current tasks (not yet expunged), in a stable order. */
  List<TaskView> tasks(PathId appId);

  Optional<TaskFailure> lastTaskFailure(PathId appId);
}
