package io.drover.sdk.testing;

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

/**
 * A scheduler's outbound port for its unit tests: records the calls in order. As with a real driver, a
 * call goes out (is recorded, and answers {@code true}) only while {@link #subscribed}.
 */
public final class RecordingSchedulerDriver implements SchedulerDriver {
  public record Accept(List<OfferId> offerIds, List<TaskInfo> tasks, Filters filters) {}

  public record Decline(List<OfferId> offerIds, Filters filters) {}

  public record Kill(TaskId taskId, AgentId agentId) {}

  public final List<Accept> accepts = new ArrayList<>();
  public final List<Decline> declines = new ArrayList<>();
  public final List<Kill> kills = new ArrayList<>();
  public final List<List<ReconcileTask>> reconciles = new ArrayList<>();
  /** "suppress" and "revive", in the order they were asked for. */
  public final List<String> offerInterest = new ArrayList<>();
  /** The {@code failover} argument of each {@link #stop}. */
  public final List<Boolean> stops = new ArrayList<>();
  public boolean subscribed = true;

  @Override
  public void start() {}

  @Override
  public DriverStatus stop(boolean failover) {
    stops.add(failover);
    return DriverStatus.STOPPED;
  }

  @Override
  public DriverStatus join() {
    return status();
  }

  @Override
  public boolean awaitTermination(Duration timeout) {
    return true;
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
    return sent(() -> accepts.add(new Accept(List.copyOf(offerIds), List.copyOf(tasks), filters)));
  }

  @Override
  public boolean decline(Collection<OfferId> offerIds, Filters filters) {
    return sent(() -> declines.add(new Decline(List.copyOf(offerIds), filters)));
  }

  @Override
  public boolean revive(Set<String> roles) {
    return sent(() -> offerInterest.add("revive"));
  }

  @Override
  public boolean suppress(Set<String> roles) {
    return sent(() -> offerInterest.add("suppress"));
  }

  @Override
  public boolean kill(TaskId taskId, AgentId agentId) {
    return sent(() -> kills.add(new Kill(taskId, agentId)));
  }

  @Override
  public boolean acknowledge(TaskStatus status) {
    return subscribed;
  }

  @Override
  public boolean reconcile(Collection<ReconcileTask> tasks) {
    return sent(() -> reconciles.add(List.copyOf(tasks)));
  }

  private boolean sent(Runnable record) {
    if (subscribed) {
      record.run();
    }
    return subscribed;
  }

  /** The tasks of every accept, in order. */
  public List<TaskInfo> launched() {
    return accepts.stream().flatMap(a -> a.tasks().stream()).toList();
  }

  public List<TaskId> killed() {
    return kills.stream().map(Kill::taskId).toList();
  }

  /** The last of "suppress" and "revive" asked for, or "" if neither was. */
  public String lastOfferInterest() {
    return offerInterest.isEmpty() ? "" : offerInterest.get(offerInterest.size() - 1);
  }
}
