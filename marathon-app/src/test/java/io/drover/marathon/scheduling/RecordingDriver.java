package io.drover.marathon.scheduling;

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

/** The scheduler's outbound port, recording every call in order; {@code subscribed} decides what accept sends. */
final class RecordingDriver implements SchedulerDriver {
  record Accept(List<OfferId> offerIds, List<TaskInfo> tasks, Filters filters) {}

  record Decline(List<OfferId> offerIds, Filters filters) {}

  record Kill(TaskId taskId, AgentId agentId) {}

  final List<Accept> accepts = new ArrayList<>();
  final List<Decline> declines = new ArrayList<>();
  final List<Kill> kills = new ArrayList<>();
  final List<List<ReconcileTask>> reconciles = new ArrayList<>();
  /** "suppress" and "revive", in the order they were asked for. */
  final List<String> offerInterest = new ArrayList<>();
  boolean subscribed = true;

  @Override
  public void start() {}

  @Override
  public DriverStatus stop(boolean failover) {
    return DriverStatus.STOPPED;
  }

  @Override
  public DriverStatus join() {
    return DriverStatus.STOPPED;
  }

  @Override
  public boolean awaitTermination(Duration timeout) {
    return true;
  }

  @Override
  public DriverStatus status() {
    return DriverStatus.RUNNING;
  }

  @Override
  public Optional<FrameworkId> frameworkId() {
    return Optional.of(FrameworkId.of("fw-1"));
  }

  @Override
  public boolean accept(Collection<OfferId> offerIds, Collection<TaskInfo> tasks, Filters filters) {
    if (subscribed) {
      accepts.add(new Accept(List.copyOf(offerIds), List.copyOf(tasks), filters));
    }
    return subscribed;
  }

  @Override
  public boolean decline(Collection<OfferId> offerIds, Filters filters) {
    declines.add(new Decline(List.copyOf(offerIds), filters));
    return subscribed;
  }

  @Override
  public boolean revive(Set<String> roles) {
    offerInterest.add("revive");
    return subscribed;
  }

  @Override
  public boolean suppress(Set<String> roles) {
    offerInterest.add("suppress");
    return subscribed;
  }

  @Override
  public boolean kill(TaskId taskId, AgentId agentId) {
    kills.add(new Kill(taskId, agentId));
    return true;
  }

  @Override
  public boolean acknowledge(TaskStatus status) {
    return subscribed;
  }

  @Override
  public boolean reconcile(Collection<ReconcileTask> tasks) {
    reconciles.add(List.copyOf(tasks));
    return true;
  }

  List<TaskInfo> launched() {
    return accepts.stream().flatMap(a -> a.tasks().stream()).toList();
  }

  List<TaskId> killed() {
    return kills.stream().map(Kill::taskId).toList();
  }

  String lastOfferInterest() {
    return offerInterest.isEmpty() ? "" : offerInterest.get(offerInterest.size() - 1);
  }
}
