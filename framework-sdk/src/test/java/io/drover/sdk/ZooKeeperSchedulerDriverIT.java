package io.drover.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.core.AgentId;
import io.drover.core.Filters;
import io.drover.core.FrameworkId;
import io.drover.core.FrameworkInfo;
import io.drover.core.OfferId;
import io.drover.core.Resources;
import io.drover.core.TaskId;
import io.drover.core.TaskInfo;
import io.drover.core.TaskStatus;
import io.drover.protocol.ToProto;
import io.drover.protocol.net.Backoff;
import io.drover.protocol.net.ZkUrl;
import io.drover.protocol.v1.AgentFailure;
import io.drover.protocol.v1.Offers;
import io.drover.protocol.v1.Rescind;
import io.drover.protocol.v1.SchedulerCall;
import io.drover.protocol.v1.SchedulerCall.CallCase;
import io.drover.protocol.v1.SchedulerEvent;
import io.drover.protocol.v1.TaskState;
import io.drover.protocol.v1.Update;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The driver against fake masters on real Netty, found through a real ZooKeeper. */
class ZooKeeperSchedulerDriverIT {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final AtomicInteger ROOTS = new AtomicInteger();
  private static final DriverOptions OPTIONS =
      DriverOptions.DEFAULTS.withReconnectBackoff(new Backoff(Duration.ofMillis(50), Duration.ofMillis(500)));

  private static TestingServer zooKeeperServer;
  private static CuratorFramework zk;

  private final List<String> journal = new CopyOnWriteArrayList<>();
  private final List<FakeMaster> masters = new ArrayList<>();
  private ZkUrl url;
  private SchedulerDriver driver;

  @BeforeAll
  static void startZooKeeper() throws Exception {
    zooKeeperServer = new TestingServer(true);
    zk = CuratorFrameworkFactory.newClient(zooKeeperServer.getConnectString(), new RetryOneTime(100));
    zk.start();
  }

  @AfterAll
  static void stopZooKeeper() throws Exception {
    zk.close();
    zooKeeperServer.close();
  }

  @BeforeEach
  void freshRoot() {
    url = new ZkUrl(zooKeeperServer.getConnectString(), "/drover-it-" + ROOTS.incrementAndGet());
  }

  @AfterEach
  void stopEverything() {
    if (driver != null) {
      driver.stop(true);
    }
    masters.forEach(FakeMaster::close);
  }

  private FakeMaster master(String id, long epoch) throws InterruptedException {
    FakeMaster master = new FakeMaster(id, epoch, "fw-1", journal);
    masters.add(master);
    return master;
  }

  private FakeMaster leader(String id) throws Exception {
    FakeMaster master = master(id, 1);
    master.becomeLeader(zk, url);
    return master;
  }

  private SchedulerDriver start(Scheduler scheduler, DriverOptions options) {
    driver = new ZooKeeperSchedulerDriver(scheduler, FrameworkInfo.named("test"), url, options);
    driver.start();
    return driver;
  }

  private void awaitJournal(String entry) {
    await().atMost(WAIT).until(() -> journal.contains(entry));
  }

  private static SchedulerEvent offers(String... ids) {
    Offers.Builder offers = Offers.newBuilder();
    for (String id : ids) {
      offers.addOffers(
          io.drover.protocol.v1.Offer.newBuilder()
              .setId(id)
              .setFrameworkId("fw-1")
              .setAgentId("agent-1")
              .setHostname("host-1")
              .setResources(ToProto.resources(Resources.cpusMem(1, 128))));
    }
    return SchedulerEvent.newBuilder().setOffers(offers).build();
  }

  private static SchedulerEvent update(String taskId, TaskState state, String uuid) {
    return SchedulerEvent.newBuilder()
        .setUpdate(
            Update.newBuilder()
                .setStatus(
                    io.drover.protocol.v1.TaskStatus.newBuilder()
                        .setTaskId(taskId)
                        .setAgentId("agent-1")
                        .setState(state)
                        .setUuid(uuid)
                        .setTimestampMs(1)))
        .build();
  }

  private static SchedulerEvent error(String message, boolean fatal) {
    return SchedulerEvent.newBuilder().setError(io.drover.protocol.v1.Error.newBuilder().setMessage(message).setFatal(fatal)).build();
  }

  @Test
  void subscribesThenGetsTheSubscribedCallbackThenReconcilesImplicitly() throws Exception {
    FakeMaster m1 = leader("m1");
    start(new RecordingScheduler(journal), OPTIONS);

    SchedulerCall subscribe = m1.awaitCall(CallCase.SUBSCRIBE);
    assertThat(subscribe.getFrameworkId()).isEmpty();
    assertThat(subscribe.getSubscribe().getFrameworkInfo().getName()).isEqualTo("test");
    assertThat(subscribe.getSubscribe().getFrameworkInfo().getRolesList()).containsExactly("*");

    SchedulerCall reconcile = m1.awaitCall(CallCase.RECONCILE);
    assertThat(reconcile.getFrameworkId()).isEqualTo("fw-1");
    assertThat(reconcile.getReconcile().getTasksList()).isEmpty();
    assertThat(journal).containsSubsequence("m1: SUBSCRIBE", "subscribed fw-1 to m1", "m1: RECONCILE");
    assertThat(driver.frameworkId()).contains(FrameworkId.of("fw-1"));
    assertThat(driver.status()).isEqualTo(DriverStatus.RUNNING);
  }

  @Test
  void deliversEventsInOrderOnOneCallbackThread() throws Exception {
    FakeMaster m1 = leader("m1");
    RecordingScheduler scheduler = new RecordingScheduler(journal);
    start(scheduler, OPTIONS);
    m1.awaitCall(CallCase.RECONCILE);

    m1.send(offers("o1"));
    m1.send(offers("o2", "o3"));
    m1.send(SchedulerEvent.newBuilder().setRescind(Rescind.newBuilder().setOfferId("o1")).build());
    m1.send(SchedulerEvent.newBuilder().setAgentFailure(AgentFailure.newBuilder().setAgentId("agent-9").setReason("gone")).build());
    for (int i = 4; i <= 50; i++) {
      m1.send(offers("o" + i));
    }

    awaitJournal("offers [o50]");
    List<String> expected = new ArrayList<>(List.of("subscribed fw-1 to m1", "offers [o1]", "offers [o2, o3]", "rescinded o1", "agent lost agent-9"));
    for (int i = 4; i <= 50; i++) {
      expected.add("offers [o" + i + "]");
    }
    assertThat(journal.stream().filter(e -> !e.startsWith("m1: ")).toList()).containsExactlyElementsOf(expected);
    assertThat(Set.copyOf(scheduler.threads)).containsExactly("scheduler-test");
    assertThat(scheduler.offers.get(1).resources()).isEqualTo(Resources.cpusMem(1, 128));
  }

  @Test
  void acknowledgesAnUpdateOnlyAfterTheCallbackReturns() throws Exception {
    FakeMaster m1 = leader("m1");
    CountDownLatch release = new CountDownLatch(1);
    start(
        new RecordingScheduler(journal) {
          @Override
          public void statusUpdate(SchedulerDriver d, TaskStatus status) {
            journal.add("callback started " + status.taskId());
            try {
              release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            journal.add("callback returns " + status.taskId());
          }
        },
        OPTIONS);
    m1.awaitCall(CallCase.RECONCILE);

    m1.send(update("t1", TaskState.TASK_RUNNING, "uuid-1"));
    awaitJournal("callback started t1");
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> m1.calls(CallCase.ACKNOWLEDGE).isEmpty());
    release.countDown();

    SchedulerCall ack = m1.awaitCall(CallCase.ACKNOWLEDGE);
    assertThat(ack.getFrameworkId()).isEqualTo("fw-1");
    assertThat(ack.getAcknowledge().getTaskId()).isEqualTo("t1");
    assertThat(ack.getAcknowledge().getAgentId()).isEqualTo("agent-1");
    assertThat(ack.getAcknowledge().getUuid()).isEqualTo("uuid-1");
    assertThat(journal).containsSubsequence("callback started t1", "callback returns t1", "m1: ACKNOWLEDGE");

    // An update without a uuid (a reconciliation answer) needs no acknowledgement.
    m1.send(update("t2", TaskState.TASK_RUNNING, ""));
    m1.send(update("t3", TaskState.TASK_FINISHED, "uuid-3"));
    m1.awaitCall(CallCase.ACKNOWLEDGE, c -> c.getAcknowledge().getUuid().equals("uuid-3"));
    assertThat(m1.calls(CallCase.ACKNOWLEDGE)).extracting(c -> c.getAcknowledge().getUuid()).containsExactly("uuid-1", "uuid-3");
  }

  @Test
  void withoutAutoAcknowledgementTheFrameworkAcknowledges() throws Exception {
    FakeMaster m1 = leader("m1");
    RecordingScheduler scheduler = new RecordingScheduler(journal);
    start(scheduler, OPTIONS.withAutoAcknowledge(false));
    m1.awaitCall(CallCase.RECONCILE);

    m1.send(update("t1", TaskState.TASK_RUNNING, "uuid-1"));
    awaitJournal("update t1 TASK_RUNNING");
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> m1.calls(CallCase.ACKNOWLEDGE).isEmpty());

    assertThat(driver.acknowledge(scheduler.updates.get(0))).isTrue();
    assertThat(m1.awaitCall(CallCase.ACKNOWLEDGE).getAcknowledge().getUuid()).isEqualTo("uuid-1");
  }

  @Test
  void followsTheNewLeaderAndResubscribesWithTheSameFrameworkId() throws Exception {
    FakeMaster m1 = leader("m1");
    FakeMaster m2 = master("m2", 2);
    RecordingScheduler scheduler = new RecordingScheduler(journal);
    start(scheduler, OPTIONS);
    m1.awaitCall(CallCase.RECONCILE);
    assertThat(driver.suppress(Set.of())).isTrue();
    m1.awaitCall(CallCase.SUPPRESS);

    m1.close();
    awaitJournal("disconnected");
    // Offers died with the connection; a kill waits for the next subscription.
    assertThat(driver.decline(List.of(OfferId.of("o1")), Filters.DEFAULT)).isFalse();
    assertThat(driver.kill(TaskId.of("t1"), AgentId.of("agent-1"))).isFalse();

    m2.becomeLeader(zk, url);
    SchedulerCall resubscribe = m2.awaitCall(CallCase.SUBSCRIBE);
    assertThat(resubscribe.getFrameworkId()).isEqualTo("fw-1");
    assertThat(resubscribe.getSubscribe().getFrameworkInfo().getId()).isEqualTo("fw-1");
    SchedulerCall kill = m2.awaitCall(CallCase.KILL);
    assertThat(kill.getKill().getTaskId()).isEqualTo("t1");
    assertThat(m2.calls(CallCase.RECONCILE)).hasSize(1);
    assertThat(m2.calls(CallCase.RECONCILE).get(0).getReconcile().getTasksList()).isEmpty();
    assertThat(m2.calls(CallCase.SUPPRESS).get(0).getSuppress().getRolesList()).containsExactly("*");
    assertThat(m2.calls(CallCase.DECLINE)).isEmpty();
    assertThat(journal)
        .containsSubsequence(
            "subscribed fw-1 to m1", "disconnected", "m2: SUBSCRIBE", "subscribed fw-1 to m2", "m2: RECONCILE", "m2: SUPPRESS", "m2: KILL");
    assertThat(scheduler.subscriptions).containsExactly(FrameworkId.of("fw-1"), FrameworkId.of("fw-1"));
  }

  @Test
  void asksAgainOnANewConnectionWhenASubscribeGoesUnanswered() throws Exception {
    FakeMaster m1 = master("m1", 1);
    m1.ignoreSubscribes(1);
    m1.becomeLeader(zk, url);
    start(new RecordingScheduler(journal), OPTIONS.withSubscribeTimeout(Duration.ofMillis(300)));

    m1.awaitCall(CallCase.RECONCILE);

    assertThat(m1.calls(CallCase.SUBSCRIBE)).hasSize(2);
    assertThat(m1.connectionsOpened()).isEqualTo(2);
    assertThat(journal).containsSubsequence("m1: SUBSCRIBE", "m1: SUBSCRIBE", "subscribed fw-1 to m1", "m1: RECONCILE");
  }

  @Test
  void sendsAcceptAndDeclineWithTheirOperationsAndFilters() throws Exception {
    FakeMaster m1 = leader("m1");
    start(new RecordingScheduler(journal), OPTIONS);
    m1.awaitCall(CallCase.RECONCILE);

    TaskInfo task = TaskInfo.command(TaskId.of("t1"), AgentId.of("agent-1"), Resources.cpusMem(0.5, 64), "echo hi");
    assertThat(driver.accept(List.of(OfferId.of("o1")), List.of(task), Filters.refuseSeconds(10))).isTrue();
    assertThat(driver.decline(List.of(OfferId.of("o2"), OfferId.of("o3")), Filters.refuseSeconds(30))).isTrue();

    SchedulerCall accept = m1.awaitCall(CallCase.ACCEPT);
    assertThat(accept.getAccept().getOfferIdsList()).containsExactly("o1");
    assertThat(accept.getAccept().getFilters().getRefuseSeconds()).isEqualTo(10.0);
    assertThat(accept.getAccept().getOperations(0).getLaunch().getTasks(0).getTaskId()).isEqualTo("t1");
    assertThat(accept.getAccept().getOperations(0).getLaunch().getTasks(0).getCommand().getValue()).isEqualTo("echo hi");
    SchedulerCall decline = m1.awaitCall(CallCase.DECLINE);
    assertThat(decline.getDecline().getOfferIdsList()).containsExactly("o2", "o3");
    assertThat(decline.getDecline().getFilters().getRefuseSeconds()).isEqualTo(30.0);
  }

  @Test
  void aNonFatalErrorIsReportedAndTheDriverCarriesOn() throws Exception {
    FakeMaster m1 = leader("m1");
    RecordingScheduler scheduler = new RecordingScheduler(journal);
    start(scheduler, OPTIONS);
    m1.awaitCall(CallCase.RECONCILE);

    m1.send(error("offer o7 is unknown", false));
    awaitJournal("error offer o7 is unknown");
    m1.send(offers("o8"));
    awaitJournal("offers [o8]");
    assertThat(driver.status()).isEqualTo(DriverStatus.RUNNING);
  }

  @Test
  void aFatalErrorStopsTheDriverWithoutResubscribing() throws Exception {
    FakeMaster m1 = leader("m1");
    RecordingScheduler scheduler = new RecordingScheduler(journal);
    start(scheduler, OPTIONS);
    m1.awaitCall(CallCase.RECONCILE);

    m1.send(error("framework fw-1 was torn down", true));

    assertThat(driver.awaitTermination(WAIT)).isTrue();
    assertThat(driver.status()).isEqualTo(DriverStatus.ABORTED);
    assertThat(scheduler.errors).containsExactly("framework fw-1 was torn down");
    await().atMost(WAIT).until(() -> m1.connectionsClosed() == 1);
    assertThat(m1.calls(CallCase.SUBSCRIBE)).hasSize(1);
    assertThat(m1.connectionsOpened()).isEqualTo(1);
    assertThat(journal).doesNotContain("disconnected");
    assertThat(driver.kill(TaskId.of("t1"), AgentId.of("agent-1"))).isFalse();
  }

  @Test
  void stopWithoutFailoverTearsTheFrameworkDown() throws Exception {
    FakeMaster m1 = leader("m1");
    start(new RecordingScheduler(journal), OPTIONS);
    m1.awaitCall(CallCase.RECONCILE);

    assertThat(driver.stop(false)).isEqualTo(DriverStatus.STOPPED);

    assertThat(m1.awaitCall(CallCase.TEARDOWN).getFrameworkId()).isEqualTo("fw-1");
    assertThat(driver.join()).isEqualTo(DriverStatus.STOPPED);
    await().atMost(WAIT).until(() -> m1.connectionsClosed() == 1);
  }

  @Test
  void stopWithFailoverLeavesTheFrameworkRegistered() throws Exception {
    FakeMaster m1 = leader("m1");
    start(new RecordingScheduler(journal), OPTIONS);
    m1.awaitCall(CallCase.RECONCILE);

    assertThat(driver.stop(true)).isEqualTo(DriverStatus.STOPPED);

    await().atMost(WAIT).until(() -> m1.connectionsClosed() == 1);
    assertThat(m1.calls(CallCase.TEARDOWN)).isEmpty();
    assertThat(journal).doesNotContain("disconnected");
  }

  @Test
  void aSchedulerCanStopTheDriverFromItsOwnCallback() throws Exception {
    FakeMaster m1 = leader("m1");
    start(
        new RecordingScheduler(journal) {
          @Override
          public void statusUpdate(SchedulerDriver d, TaskStatus status) {
            super.statusUpdate(d, status);
            d.stop(false);
          }
        },
        OPTIONS);
    m1.awaitCall(CallCase.RECONCILE);

    m1.send(update("t1", TaskState.TASK_FINISHED, "uuid-1"));

    assertThat(driver.awaitTermination(WAIT)).isTrue();
    assertThat(m1.awaitCall(CallCase.TEARDOWN).getFrameworkId()).isEqualTo("fw-1");
  }
}
