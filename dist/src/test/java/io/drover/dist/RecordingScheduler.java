package io.drover.dist;

import io.drover.core.AgentId;
import io.drover.core.FrameworkId;
import io.drover.core.MasterInfo;
import io.drover.core.Offer;
import io.drover.core.OfferId;
import io.drover.core.Resources;
import io.drover.core.TaskId;
import io.drover.core.TaskInfo;
import io.drover.core.TaskState;
import io.drover.core.TaskStatus;
import io.drover.core.Filters;
import io.drover.sdk.Scheduler;
import io.drover.sdk.SchedulerDriver;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A framework for tests: launches each queued command task once, on the first offer that fits, and
 * records every status update and subscription it sees.
 */
final class RecordingScheduler implements Scheduler {
  private final Resources perTask;
  private final Deque<TaskId> waiting = new ArrayDeque<>();
  private final Map<TaskId, String> commands = new ConcurrentHashMap<>();
  final Map<TaskId, TaskState> latest = new ConcurrentHashMap<>();
  final Map<TaskId, Set<TaskState>> terminalStates = new ConcurrentHashMap<>();
  final List<TaskId> launched = new CopyOnWriteArrayList<>();
  final List<FrameworkId> subscriptions = new CopyOnWriteArrayList<>();

  RecordingScheduler(Resources perTask) {
    this.perTask = perTask;
  }

  synchronized void queue(TaskId id, String command) {
    commands.put(id, command);
    waiting.add(id);
  }

  long count(TaskState state) {
    return latest.values().stream().filter(s -> s == state).count();
  }

  @Override
  public void subscribed(SchedulerDriver driver, FrameworkId frameworkId, MasterInfo master) {
    subscriptions.add(frameworkId);
  }

  @Override
  public synchronized void resourceOffers(SchedulerDriver driver, List<Offer> offers) {
    for (Offer offer : offers) {
      Resources left = offer.resources();
      List<TaskInfo> tasks = new ArrayList<>();
      while (!waiting.isEmpty() && left.contains(perTask)) {
        TaskId id = waiting.poll();
        tasks.add(TaskInfo.command(id, offer.agentId(), perTask, commands.get(id)));
        left = left.minus(perTask);
      }
      if (tasks.isEmpty()) {
        driver.decline(List.of(offer.id()), Filters.refuseSeconds(1));
      } else if (driver.accept(List.of(offer.id()), tasks, Filters.refuseSeconds(1))) {
        tasks.forEach(t -> launched.add(t.id()));
      } else {
        tasks.forEach(t -> waiting.addFirst(t.id()));
      }
    }
  }

  @Override
  public void offerRescinded(SchedulerDriver driver, OfferId offerId) {}

  @Override
  public void statusUpdate(SchedulerDriver driver, TaskStatus status) {
    latest.put(status.taskId(), status.state());
    if (status.state().isTerminal()) {
      terminalStates.computeIfAbsent(status.taskId(), id -> ConcurrentHashMap.newKeySet()).add(status.state());
    }
  }

  @Override
  public void agentLost(SchedulerDriver driver, AgentId agentId) {}

  @Override
  public void disconnected(SchedulerDriver driver) {}

  @Override
  public void error(SchedulerDriver driver, String message) {}
}
