package io.drover.examples.hello;

import io.drover.core.AgentId;
import io.drover.core.Filters;
import io.drover.core.FrameworkId;
import io.drover.core.OfferId;
import io.drover.core.TaskId;
import io.drover.core.TaskInfo;
import io.drover.core.TaskStatus;
import io.drover.sdk.DriverStatus;
import io.drover.sdk.ReconcileTask;
import io.drover.sdk.SchedulerDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The scheduler's outbound port, recording calls; {@code subscribed} decides whether they are sent. */
final class RecordingDriver implements SchedulerDriver {
  record Accept(List<OfferId> offerIds, List<TaskInfo> tasks) {}

  record Decline(List<OfferId> offerIds, Filters filters) {}

  final List<Accept> accepts = new ArrayList<>();
  final List<Decline> declines = new ArrayList<>();
  final List<Set<String>> suppressions = new ArrayList<>();
  final List<Boolean> stops = new ArrayList<>();
  boolean subscribed = true;

  @Override
  public void start() {}

  @Override
  public DriverStatus stop(boolean failover) {
    stops.add(failover);
    return DriverStatus.STOPPED;
  }

  @Override
  public DriverStatus join() {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean awaitTermination(Duration timeout) {
    throw new UnsupportedOperationException();
  }

  @Override
  public DriverStatus status() {
    return stops.isEmpty() ? DriverStatus.RUNNING : DriverStatus.STOPPED;
  }

  @Override
  public Optional<FrameworkId> frameworkId() {
    return Optional.of(FrameworkId.of("fw-1"));
  }

  @Override
  public boolean accept(Collection<OfferId> offerIds, Collection<TaskInfo> tasks, Filters filters) {
    if (subscribed) {
      accepts.add(new Accept(List.copyOf(offerIds), List.copyOf(tasks)));
    }
    return subscribed;
  }

  @Override
  public boolean decline(Collection<OfferId> offerIds, Filters filters) {
    if (subscribed) {
      declines.add(new Decline(List.copyOf(offerIds), filters));
    }
    return subscribed;
  }

  @Override
  public boolean revive(Set<String> roles) {
    return subscribed;
  }

  @Override
  public boolean suppress(Set<String> roles) {
    suppressions.add(roles);
    return subscribed;
  }

  @Override
  public boolean kill(TaskId taskId, AgentId agentId) {
    return subscribed;
  }

  @Override
  public boolean acknowledge(TaskStatus status) {
    return subscribed;
  }

  @Override
  public boolean reconcile(Collection<ReconcileTask> tasks) {
    return subscribed;
  }

  List<TaskInfo> launched() {
    return accepts.stream().flatMap(a -> a.tasks().stream()).toList();
  }
}
