package io.drover.examples.hello;

import io.drover.core.AgentId;
import io.drover.core.CommandInfo;
import io.drover.core.Filters;
import io.drover.core.FrameworkId;
import io.drover.core.MasterInfo;
import io.drover.core.Offer;
import io.drover.core.OfferId;
import io.drover.core.TaskId;
import io.drover.core.TaskInfo;
import io.drover.core.TaskState;
import io.drover.core.TaskStatus;
import io.drover.sdk.Scheduler;
import io.drover.sdk.SchedulerDriver;
import io.drover.sdk.placement.Candidate;
import io.drover.sdk.placement.PlacementDecision;
import io.drover.sdk.placement.PlacementPipeline;
import io.drover.sdk.placement.PlacementPlan;
import io.drover.sdk.placement.TaskRequest;
import io.drover.sdk.placement.TaskTally;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Launches each of hello's tasks once, fitting as many as the offers hold (spread over the agents),
 * declines what it does not use, and stops the driver when every task has ended. Nothing is retried:
 * a task that fails or is lost is counted and stays so.
 */
final class HelloScheduler implements Scheduler {
  private static final Logger LOG = LoggerFactory.getLogger(HelloScheduler.class);
  static final String GROUP = "hello";
  /** Offers come back quickly while tasks wait; once all are launched, keep them away for longer. */
  private static final Filters ALL_LAUNCHED = Filters.refuseSeconds(120);

  private static final Set<TaskState> FAILED = EnumSet.of(TaskState.TASK_FAILED, TaskState.TASK_KILLED, TaskState.TASK_ERROR, TaskState.TASK_DROPPED);
  private static final Set<TaskState> LOST =
      EnumSet.of(TaskState.TASK_LOST, TaskState.TASK_GONE, TaskState.TASK_GONE_BY_OPERATOR, TaskState.TASK_UNREACHABLE, TaskState.TASK_UNKNOWN);

  private final HelloSpec spec;
  private final PlacementPipeline pipeline = PlacementPipeline.spreading();
  private final TaskTally running = new TaskTally();
  /** Tasks not launched yet, in order. */
  private final Map<TaskId, TaskRequest> waiting = new LinkedHashMap<>();
  private final Set<TaskId> ended = new HashSet<>();
  private int finished;
  private int failed;
  private int lost;
  private Optional<String> error = Optional.empty();
  private String lastWaitReason = "";

  HelloScheduler(HelloSpec spec) {
    this.spec = spec;
    for (int i = 1; i <= spec.count(); i++) {
      TaskId id = TaskId.of(GROUP + "-" + i);
      waiting.put(id, TaskRequest.of(id, GROUP, spec.resources()));
    }
  }

  @Override
  public synchronized void subscribed(SchedulerDriver driver, FrameworkId frameworkId, MasterInfo master) {
    LOG.info("Subscribed as {} to master {}; {} tasks to launch", frameworkId, master.id(), waiting.size());
  }

  @Override
  public synchronized void resourceOffers(SchedulerDriver driver, List<Offer> offers) {
    if (waiting.isEmpty()) {
      driver.decline(offers.stream().map(Offer::id).toList(), ALL_LAUNCHED);
      return;
    }
    PlacementPlan plan = pipeline.plan(List.copyOf(waiting.values()), Candidate.fromOffers(offers), running);
    plan.placedByOffer().forEach((offerId, placed) -> launch(driver, offerId, placed));
    if (!plan.unusedOffers().isEmpty()) {
      driver.decline(plan.unusedOffers().stream().map(Offer::id).toList(), waiting.isEmpty() ? ALL_LAUNCHED : Filters.DEFAULT);
    }
    if (waiting.isEmpty()) {
      LOG.info("All {} tasks launched", spec.count());
      driver.suppress(Set.of());
    } else {
      explainWaiting(plan);
    }
  }

  private void launch(SchedulerDriver driver, OfferId offerId, List<PlacementDecision.Placed> placed) {
    List<TaskInfo> tasks = placed.stream().map(this::taskInfo).toList();
    if (!driver.accept(List.of(offerId), tasks, Filters.DEFAULT)) {
      return; // not subscribed: the tasks stay waiting for the next offers
    }
    for (PlacementDecision.Placed p : placed) {
      waiting.remove(p.task().taskId());
      running.put(p.task().taskId(), GROUP, p.candidate().site());
    }
    LOG.info("Launching {} tasks on agent {}", tasks.size(), placed.get(0).agentId());
  }

  private TaskInfo taskInfo(PlacementDecision.Placed placed) {
    TaskId id = placed.task().taskId();
    return new TaskInfo(
        id, id.value(), placed.agentId(), placed.claimed(), CommandInfo.shell(spec.command()), spec.container(), Optional.empty(), null, Map.of());
  }

  private void explainWaiting(PlacementPlan plan) {
    if (plan.waiting().isEmpty()) {
      return;
    }
    String reason = plan.waiting().get(0).summary();
    if (!reason.equals(lastWaitReason)) {
      LOG.info("{} tasks wait for offers: {}", waiting.size(), reason);
      lastWaitReason = reason;
    }
  }

  @Override
  public synchronized void offerRescinded(SchedulerDriver driver, OfferId offerId) {
    // Offers are used or declined as they arrive; none is held.
  }

  @Override
  public synchronized void statusUpdate(SchedulerDriver driver, TaskStatus status) {
    TaskId id = status.taskId();
    boolean ours = id.value().startsWith(GROUP + "-") && !waiting.containsKey(id);
    if (!ours || ended.contains(id)) {
      return;
    }
    TaskState state = status.state();
    if (state == TaskState.TASK_FINISHED) {
      finished++;
    } else if (FAILED.contains(state)) {
      failed++;
      LOG.warn("Task {} {}: {} {}", id, state, status.reason(), status.message());
    } else if (LOST.contains(state)) {
      lost++;
      LOG.warn("Task {} {}: {} {}", id, state, status.reason(), status.message());
    } else {
      return;
    }
    ended.add(id);
    running.remove(id);
    if (ended.size() == spec.count()) {
      LOG.info("All {} tasks ended", spec.count());
      driver.stop(false);
    }
  }

  @Override
  public synchronized void agentLost(SchedulerDriver driver, AgentId agentId) {
    LOG.warn("Agent {} lost; its tasks' updates follow", agentId);
  }

  @Override
  public synchronized void disconnected(SchedulerDriver driver) {
    LOG.warn("Disconnected from the master; waiting to re-subscribe");
  }

  @Override
  public synchronized void error(SchedulerDriver driver, String message) {
    LOG.error("Master reports: {}", message);
    error = error.or(() -> Optional.of(message));
    driver.stop(false);
  }

  synchronized HelloOutcome outcome(boolean timedOut, Duration elapsed) {
    return new HelloOutcome(spec.count(), finished, failed, lost, error, timedOut, elapsed);
  }
}
