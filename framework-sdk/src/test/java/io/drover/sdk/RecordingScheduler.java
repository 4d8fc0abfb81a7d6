package io.drover.sdk;

import io.drover.core.AgentId;
import io.drover.core.FrameworkId;
import io.drover.core.MasterInfo;
import io.drover.core.Offer;
import io.drover.core.OfferId;
import io.drover.core.TaskStatus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Writes every callback, with its thread, into a journal shared with the fake masters. */
class RecordingScheduler implements Scheduler {
  final List<String> journal;
  final List<String> threads = new CopyOnWriteArrayList<>();
  final List<Offer> offers = new CopyOnWriteArrayList<>();
  final List<TaskStatus> updates = new CopyOnWriteArrayList<>();
  final List<String> errors = new CopyOnWriteArrayList<>();
  final List<FrameworkId> subscriptions = new CopyOnWriteArrayList<>();

  RecordingScheduler(List<String> journal) {
    this.journal = journal;
  }

  private void record(String entry) {
    threads.add(Thread.currentThread().getName());
    journal.add(entry);
  }

  @Override
  public void subscribed(SchedulerDriver driver, FrameworkId frameworkId, MasterInfo master) {
    subscriptions.add(frameworkId);
    record("subscribed " + frameworkId + " to " + master.id());
  }

  @Override
  public void resourceOffers(SchedulerDriver driver, List<Offer> received) {
    offers.addAll(received);
    record("offers " + received.stream().map(o -> o.id().value()).toList());
  }

  @Override
  public void offerRescinded(SchedulerDriver driver, OfferId offerId) {
    record("rescinded " + offerId);
  }

  @Override
  public void statusUpdate(SchedulerDriver driver, TaskStatus status) {
    updates.add(status);
    record("update " + status.taskId() + " " + status.state());
  }

  @Override
  public void agentLost(SchedulerDriver driver, AgentId agentId) {
    record("agent lost " + agentId);
  }

  @Override
  public void disconnected(SchedulerDriver driver) {
    record("disconnected");
  }

  @Override
  public void error(SchedulerDriver driver, String message) {
    errors.add(message);
    record("error " + message);
  }
}
