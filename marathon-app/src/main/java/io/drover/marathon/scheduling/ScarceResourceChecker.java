package io.drover.marathon.scheduling;

import io.drover.core.Resources;
import io.drover.marathon.launch.RejectReason;
import io.drover.sdk.placement.Candidate;
import io.drover.sdk.placement.Checker;
import io.drover.sdk.placement.RunningTasks;
import io.drover.sdk.placement.TaskRequest;
import io.drover.sdk.placement.Veto;
import java.util.Optional;

/** Keeps agents with GPUs for the apps that use them (Marathon's restricted GPU scheduling). */
final class ScarceResourceChecker implements Checker {
  @Override
  public boolean isAgentLocal(TaskRequest task) {
    return true;
  }

  @Override
  public Optional<Veto> check(TaskRequest task, Candidate candidate, RunningTasks running) {
    if (candidate.available().scalarMillis(Resources.GPUS) > 0 && task.resources().scalarMillis(Resources.GPUS) == 0) {
      return Optional.of(
          new Veto(RejectReason.DECLINED_SCARCE_RESOURCES.name(), "agent " + candidate.offer().hostname() + " has GPUs, which are kept for apps that use them"));
    }
    return Optional.empty();
  }
}
