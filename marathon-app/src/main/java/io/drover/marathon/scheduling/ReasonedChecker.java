package io.drover.marathon.scheduling;

import io.drover.marathon.launch.RejectReason;
import io.drover.sdk.placement.Candidate;
import io.drover.sdk.placement.Checker;
import io.drover.sdk.placement.RunningTasks;
import io.drover.sdk.placement.TaskRequest;
import io.drover.sdk.placement.Veto;
import java.util.Optional;

/** A placement checker whose vetoes are named after the Marathon reject reason they stand for. */
final class ReasonedChecker implements Checker {
  private final RejectReason reason;
  private final Checker delegate;

  ReasonedChecker(RejectReason reason, Checker delegate) {
    this.reason = reason;
    this.delegate = delegate;
  }

  @Override
  public Optional<Veto> check(TaskRequest task, Candidate candidate, RunningTasks running) {
    return delegate.check(task, candidate, running).map(veto -> new Veto(reason.name(), veto.reason()));
  }

  @Override
  public boolean isAgentLocal(TaskRequest task) {
    return delegate.isAgentLocal(task);
  }
}
