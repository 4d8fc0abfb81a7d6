package io.drover.marathon.scheduling;

import io.drover.marathon.app.AppDefinition;
import io.drover.sdk.placement.Candidate;
import io.drover.sdk.placement.Constraint;
import io.drover.sdk.placement.RunningTasks;
import io.drover.sdk.placement.TaskRequest;
import java.util.Optional;

/** Global mode's rule: an agent runs at most one instance of the app. */
final class OneInstancePerAgent implements Constraint {
  /** Counts the candidate's own agent only. */
  @Override
  public boolean isAgentLocal() {
    return true;
  }

  @Override
  public Optional<String> violation(TaskRequest task, Candidate candidate, RunningTasks running) {
    return running.count(candidate.agentId(), task.group()) > 0
        ? Optional.of(AppDefinition.MODE_LABEL + ":" + AppDefinition.GLOBAL_MODE + ": " + candidate.offer().hostname() + " already runs an instance")
        : Optional.empty();
  }
}
