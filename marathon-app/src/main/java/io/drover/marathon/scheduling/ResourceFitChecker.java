package io.drover.marathon.scheduling;

import io.drover.core.Resources;
import io.drover.marathon.launch.RejectReason;
import io.drover.sdk.placement.Candidate;
import io.drover.sdk.placement.Checker;
import io.drover.sdk.placement.ResourcesChecker;
import io.drover.sdk.placement.RunningTasks;
import io.drover.sdk.placement.TaskRequest;
import io.drover.sdk.placement.Veto;
import java.util.List;
import java.util.Optional;

/**
 * The SDK's resources checker, with each veto named after the first resource that falls short in
 * Marathon's funnel order: cpus, mem, disk, gpus, then ports.
 */
final class ResourceFitChecker implements Checker {
  private record Scalar(String name, RejectReason reason) {}

  private static final List<Scalar> FUNNEL =
      List.of(
          new Scalar(Resources.CPUS, RejectReason.INSUFFICIENT_CPUS),
          new Scalar(Resources.MEM, RejectReason.INSUFFICIENT_MEMORY),
          new Scalar(Resources.DISK, RejectReason.INSUFFICIENT_DISK),
          new Scalar(Resources.GPUS, RejectReason.INSUFFICIENT_GPUS));

  private final ResourcesChecker resources = new ResourcesChecker();

  @Override
  public boolean isAgentLocal(TaskRequest task) {
    return true;
  }

  @Override
  public Optional<Veto> check(TaskRequest task, Candidate candidate, RunningTasks running) {
    return resources.check(task, candidate, running).map(veto -> new Veto(firstShortfall(task, candidate).name(), veto.reason()));
  }

  private static RejectReason firstShortfall(TaskRequest task, Candidate candidate) {
    for (Scalar scalar : FUNNEL) {
      if (candidate.available().scalarMillis(scalar.name()) < task.resources().scalarMillis(scalar.name())) {
        return scalar.reason();
      }
    }
    return RejectReason.INSUFFICIENT_PORTS;
  }
}
