package io.drover.master;

import static org.awaitility.Awaitility.await;

import io.drover.core.FrameworkInfo;
import io.drover.core.MasterInfo;
import io.drover.core.TaskInfo;
import io.drover.protocol.ToProto;
import io.drover.protocol.net.Backoff;
import io.drover.protocol.net.MasterClient;
import io.drover.protocol.net.MasterDetector;
import io.drover.protocol.net.ProtocolOptions;
import io.drover.protocol.v1.Accept;
import io.drover.protocol.v1.Acknowledge;
import io.drover.protocol.v1.Decline;
import io.drover.protocol.v1.Filters;
import io.drover.protocol.v1.Frame;
import io.drover.protocol.v1.Kill;
import io.drover.protocol.v1.Launch;
import io.drover.protocol.v1.Offer;
import io.drover.protocol.v1.Operation;
import io.drover.protocol.v1.PeerRole;
import io.drover.protocol.v1.Reconcile;
import io.drover.protocol.v1.Revive;
import io.drover.protocol.v1.SchedulerCall;
import io.drover.protocol.v1.SchedulerEvent;
import io.drover.protocol.v1.Subscribe;
import io.drover.protocol.v1.Teardown;
import io.drover.protocol.v1.TaskState;
import io.drover.protocol.v1.TaskStatus;
import io.drover.protocol.v1.Welcome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/** A pretend framework scheduler on a real protocol connection: (re-)subscribes on every connection and records events. */
final class TestScheduler implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(20);

  final FrameworkInfo info;
  final List<SchedulerEvent> events = new CopyOnWriteArrayList<>();
  private final Set<String> takenOffers = ConcurrentHashMap.newKeySet();
  private final MasterClient client;
  private final AtomicBoolean closed = new AtomicBoolean();
  volatile String frameworkId;

  TestScheduler(MasterDetector detector, ProtocolOptions options, FrameworkInfo info, String frameworkId) {
    this.info = info;
    this.frameworkId = frameworkId;
    this.client = new MasterClient(detector, PeerRole.SCHEDULER, "", options, new Backoff(Duration.ofMillis(20), Duration.ofMillis(300)), new Listener());
  }

  TestScheduler start() {
    client.start();
    return this;
  }

  private final class Listener implements MasterClient.Listener {
    @Override
    public void connected(MasterInfo master, Welcome welcome) {
      call(SchedulerCall.newBuilder().setSubscribe(Subscribe.newBuilder().setFrameworkInfo(ToProto.frameworkInfo(info))));
    }

    @Override
    public void frame(Frame frame) {
      if (frame.hasSchedulerEvent()) {
        SchedulerEvent event = frame.getSchedulerEvent();
        if (event.hasSubscribed()) {
          frameworkId = event.getSubscribed().getFrameworkId();
        }
        events.add(event);
      }
    }

    @Override
    public void disconnected(String reason) {}
  }

  private void call(SchedulerCall.Builder call) {
    client.send(Frame.newBuilder().setSchedulerCall(call.setFrameworkId(frameworkId)).build());
  }

  TestScheduler awaitSubscribed() {
    await().atMost(WAIT).until(() -> events.stream().anyMatch(SchedulerEvent::hasSubscribed));
    return this;
  }

  SchedulerEvent awaitEvent(Predicate<SchedulerEvent> what) {
    await().atMost(WAIT).until(() -> events.stream().anyMatch(what));
    return events.stream().filter(what).findFirst().orElseThrow();
  }

  /** The first offer not yet taken by this helper and not rescinded that matches; marks it taken. */
  Offer takeOffer(Predicate<Offer> what) {
    await().atMost(WAIT).until(() -> freshOffer(what).isPresent());
    Offer offer = freshOffer(what).orElseThrow();
    takenOffers.add(offer.getId());
    return offer;
  }

  Offer takeOffer() {
    return takeOffer(o -> true);
  }

  private Optional<Offer> freshOffer(Predicate<Offer> what) {
    return freshOffers().stream().filter(what).findFirst();
  }

  /** Offers received, not taken by this helper and not rescinded. */
  List<Offer> freshOffers() {
    return events.stream()
        .filter(SchedulerEvent::hasOffers)
        .flatMap(e -> e.getOffers().getOffersList().stream())
        .filter(o -> !takenOffers.contains(o.getId()) && !rescinded(o.getId()))
        .toList();
  }

  boolean rescinded(String offerId) {
    return events.stream().anyMatch(e -> e.hasRescind() && e.getRescind().getOfferId().equals(offerId));
  }

  TaskStatus awaitUpdate(String taskId, TaskState state) {
    return awaitEvent(e -> e.hasUpdate() && e.getUpdate().getStatus().getTaskId().equals(taskId) && e.getUpdate().getStatus().getState() == state)
        .getUpdate()
        .getStatus();
  }

  List<TaskStatus> updates(String taskId) {
    return events.stream().filter(SchedulerEvent::hasUpdate).map(e -> e.getUpdate().getStatus()).filter(s -> s.getTaskId().equals(taskId)).toList();
  }

  void accept(List<String> offerIds, List<TaskInfo> tasks) {
    call(
        SchedulerCall.newBuilder()
            .setAccept(
                Accept.newBuilder()
                    .addAllOfferIds(offerIds)
                    .addOperations(Operation.newBuilder().setLaunch(Launch.newBuilder().addAllTasks(tasks.stream().map(ToProto::taskInfo).toList())))
                    .setFilters(Filters.newBuilder().setRefuseSeconds(0))));
  }

  void decline(String offerId, double refuseSeconds) {
    call(SchedulerCall.newBuilder().setDecline(Decline.newBuilder().addOfferIds(offerId).setFilters(Filters.newBuilder().setRefuseSeconds(refuseSeconds))));
  }

  void acknowledge(TaskStatus status) {
    call(SchedulerCall.newBuilder().setAcknowledge(Acknowledge.newBuilder().setAgentId(status.getAgentId()).setTaskId(status.getTaskId()).setUuid(status.getUuid())));
  }

  void kill(String taskId, String agentId) {
    call(SchedulerCall.newBuilder().setKill(Kill.newBuilder().setTaskId(taskId).setAgentId(agentId)));
  }

  void reconcile(List<Reconcile.Task> tasks) {
    call(SchedulerCall.newBuilder().setReconcile(Reconcile.newBuilder().addAllTasks(tasks)));
  }

  void revive() {
    call(SchedulerCall.newBuilder().setRevive(Revive.getDefaultInstance()));
  }

  void teardown() {
    call(SchedulerCall.newBuilder().setTeardown(Teardown.getDefaultInstance()));
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      client.close();
    }
  }
}
