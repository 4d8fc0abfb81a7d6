package io.drover.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.core.AgentId;
import io.drover.core.FrameworkInfo;
import io.drover.core.Resources;
import io.drover.core.TaskId;
import io.drover.core.TaskInfo;
import io.drover.protocol.FromProto;
import io.drover.protocol.v1.AgentEvent;
import io.drover.protocol.v1.Offer;
import io.drover.protocol.v1.Reconcile;
import io.drover.protocol.v1.SchedulerEvent;
import io.drover.protocol.v1.TaskState;
import io.drover.protocol.v1.TaskStatus;
import io.drover.protocol.v1.TaskStatusReason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** One leading master on real ZooKeeper and Netty, with pretend agents and frameworks. */
@Tag("slow")
class MasterIT {
  private static final Duration WAIT = TestCluster.WAIT;

  private TestCluster cluster;
  private Master master;

  @BeforeEach
  void start() throws Exception {
    cluster = new TestCluster();
    master = cluster.leadingMaster();
  }

  @AfterEach
  void stop() throws Exception {
    cluster.close();
  }

  private static TaskInfo task(String id, Offer offer, double cpus, double mem) {
    return TaskInfo.command(TaskId.of(id), AgentId.of(offer.getAgentId()), Resources.cpusMem(cpus, mem), "sleep 1000");
  }

  private static double cpus(Offer offer) {
    return FromProto.resources(offer.getResources()).cpus();
  }

  /** Launches one task and brings it to RUNNING (acknowledged); returns the offer it used. */
  private Offer launchRunning(TestAgent agent, TestScheduler scheduler, String taskId) {
    Offer offer = scheduler.takeOffer(o -> o.getAgentId().equals(agent.agentId));
    scheduler.accept(List.of(offer.getId()), List.of(task(taskId, offer, 1, 128)));
    agent.awaitEvent(e -> e.hasRunTask() && e.getRunTask().getTask().getTaskId().equals(taskId));
    agent.update(scheduler.frameworkId, taskId, TaskState.TASK_RUNNING);
    scheduler.acknowledge(scheduler.awaitUpdate(taskId, TaskState.TASK_RUNNING));
    return offer;
  }

  @Test
  void admitsAgentsAndFrameworksDurablyAndRunsATaskThroughItsLife() throws Exception {
    TestAgent agent = cluster.agent("host1", Resources.cpusMem(4, 4096)).awaitRegistered();
    assertThat(cluster.curator.checkExists().forPath(cluster.paths.agent(agent.agentId))).isNotNull();

    TestScheduler scheduler = cluster.scheduler(FrameworkInfo.named("web", "prod")).awaitSubscribed();
    assertThat(scheduler.frameworkId).isNotEmpty();
    assertThat(cluster.curator.checkExists().forPath(cluster.paths.framework(scheduler.frameworkId))).isNotNull();

    Offer offer = scheduler.takeOffer();
    assertThat(offer.getAgentId()).isEqualTo(agent.agentId);
    assertThat(offer.getHostname()).isEqualTo("host1");
    assertThat(offer.getAllocationRole()).isEqualTo("prod");
    assertThat(cpus(offer)).isEqualTo(4.0);

    scheduler.accept(List.of(offer.getId()), List.of(task("t1", offer, 1, 512)));
    AgentEvent run = agent.awaitEvent(AgentEvent::hasRunTask);
    assertThat(run.getRunTask().getTask().getTaskId()).isEqualTo("t1");
    assertThat(run.getRunTask().getFramework().getId()).isEqualTo(scheduler.frameworkId);

    // The unused part comes back as a new offer.
    Offer rest = scheduler.takeOffer();
    assertThat(cpus(rest)).isEqualTo(3.0);
    assertThat(scheduler.updates("t1")).as("no TASK_STAGING update is sent").isEmpty();

    String runningUuid = agent.update(scheduler.frameworkId, "t1", TaskState.TASK_RUNNING);
    TaskStatus running = scheduler.awaitUpdate("t1", TaskState.TASK_RUNNING);
    assertThat(running.getUuid()).isEqualTo(runningUuid);
    assertThat(running.getAgentId()).isEqualTo(agent.agentId);
    scheduler.acknowledge(running);
    AgentEvent ack = agent.awaitEvent(AgentEvent::hasAcknowledge);
    assertThat(ack.getAcknowledge().getUuid()).isEqualTo(runningUuid);
    assertThat(ack.getAcknowledge().getTaskId()).isEqualTo("t1");

    scheduler.decline(rest.getId(), 0);
    agent.update(scheduler.frameworkId, "t1", TaskState.TASK_FINISHED);
    scheduler.acknowledge(scheduler.awaitUpdate("t1", TaskState.TASK_FINISHED));
    // The finished task's resources are free again: all of the agent is on offer (maybe split over offers).
    await().atMost(WAIT).until(() -> scheduler.freshOffers().stream().mapToDouble(MasterIT::cpus).sum() == 4.0);
  }

  @Test
  void invalidAcceptsAreAnsweredWithTheReason() {
    TestAgent agent = cluster.agent("host1", Resources.cpusMem(2, 1024)).awaitRegistered();
    TestScheduler scheduler = cluster.scheduler(FrameworkInfo.named("web")).awaitSubscribed();
    Offer offer = scheduler.takeOffer();

    scheduler.accept(List.of("no-such-offer"), List.of(task("dropped", offer, 1, 1)));
    TaskStatus dropped = scheduler.awaitUpdate("dropped", TaskState.TASK_DROPPED);
    assertThat(dropped.getReason()).isEqualTo(TaskStatusReason.INVALID_OFFERS);
    assertThat(dropped.getMessage()).contains("offer no-such-offer");
    assertThat(dropped.getUuid()).isEmpty();

    scheduler.accept(List.of(offer.getId()), List.of(task("greedy", offer, 3, 1), task("fine", offer, 1, 1)));
    TaskStatus error = scheduler.awaitUpdate("greedy", TaskState.TASK_ERROR);
    assertThat(error.getReason()).isEqualTo(TaskStatusReason.TASK_INVALID);
    assertThat(error.getMessage()).endsWith("cpus: asked 3, offered 2");
    agent.awaitEvent(e -> e.hasRunTask() && e.getRunTask().getTask().getTaskId().equals("fine"));

    Offer next = scheduler.takeOffer();
    scheduler.accept(List.of(next.getId()), List.of(task("fine", next, 0.5, 1)));
    assertThat(scheduler.awaitUpdate("fine", TaskState.TASK_ERROR).getMessage()).isEqualTo("task id fine is already in use");
  }

  @Test
  void killsAndReconciles() {
    TestAgent agent = cluster.agent("host1", Resources.cpusMem(2, 1024)).awaitRegistered();
    TestScheduler scheduler = cluster.scheduler(FrameworkInfo.named("web")).awaitSubscribed();
    launchRunning(agent, scheduler, "t1");

    scheduler.kill("t1", agent.agentId);
    AgentEvent kill = agent.awaitEvent(AgentEvent::hasKillTask);
    assertThat(kill.getKillTask().getTaskId()).isEqualTo("t1");

    scheduler.kill("ghost", agent.agentId);
    assertThat(scheduler.awaitUpdate("ghost", TaskState.TASK_GONE).getReason()).isEqualTo(TaskStatusReason.RECONCILIATION);

    scheduler.reconcile(List.of());
    TaskStatus implicit = scheduler.awaitEvent(e -> e.hasUpdate() && e.getUpdate().getStatus().getReason() == TaskStatusReason.RECONCILIATION && e.getUpdate().getStatus().getTaskId().equals("t1")).getUpdate().getStatus();
    assertThat(implicit.getState()).isEqualTo(TaskState.TASK_RUNNING);
    assertThat(implicit.getUuid()).isEmpty();

    scheduler.reconcile(List.of(Reconcile.Task.newBuilder().setTaskId("lost").setAgentId("nowhere").build()));
    scheduler.awaitUpdate("lost", TaskState.TASK_UNKNOWN);
  }

  @Test
  void aFrameworkThatDoesNotComeBackWithinItsFailoverTimeoutIsRemovedAndItsTasksKilled() throws Exception {
    TestAgent agent = cluster.agent("host1", Resources.cpusMem(2, 1024)).awaitRegistered();
    TestScheduler scheduler = cluster.scheduler(FrameworkInfo.named("short-lived").withFailoverTimeout(Duration.ofSeconds(1))).awaitSubscribed();
    launchRunning(agent, scheduler, "t1");
    String frameworkId = scheduler.frameworkId;

    scheduler.close();
    AgentEvent kill = agent.awaitEvent(AgentEvent::hasKillTask);
    assertThat(kill.getKillTask().getFrameworkId()).isEqualTo(frameworkId);
    assertThat(kill.getKillTask().getTaskId()).isEqualTo("t1");
    agent.awaitEvent(e -> e.hasShutdownFramework() && e.getShutdownFramework().getFrameworkId().equals(frameworkId));
    await().atMost(WAIT).until(() -> cluster.curator.checkExists().forPath(cluster.paths.framework(frameworkId)) == null);

    TestScheduler late = cluster.scheduler(FrameworkInfo.named("short-lived"), frameworkId);
    SchedulerEvent error = late.awaitEvent(SchedulerEvent::hasError);
    assertThat(error.getError().getFatal()).isTrue();
    assertThat(error.getError().getMessage()).contains("was removed").contains("failover timeout");
  }

  @Test
  void aFrameworkBackWithinItsFailoverTimeoutKeepsItsTasks() throws Exception {
    TestAgent agent = cluster.agent("host1", Resources.cpusMem(2, 1024)).awaitRegistered();
    TestScheduler scheduler = cluster.scheduler(FrameworkInfo.named("durable")).awaitSubscribed();
    launchRunning(agent, scheduler, "t1");
    String frameworkId = scheduler.frameworkId;

    scheduler.close();
    await().atMost(WAIT).until(() -> cluster.curator.checkExists().forPath(cluster.paths.failoverDeadline(frameworkId)) != null);

    TestScheduler back = cluster.scheduler(FrameworkInfo.named("durable"), frameworkId).awaitSubscribed();
    assertThat(back.frameworkId).isEqualTo(frameworkId);
    back.reconcile(List.of());
    back.awaitUpdate("t1", TaskState.TASK_RUNNING);
    assertThat(cluster.curator.checkExists().forPath(cluster.paths.failoverDeadline(frameworkId))).isNull();
    assertThat(agent.events).noneMatch(AgentEvent::hasKillTask);
  }

  @Test
  void aSecondSubscriptionReplacesTheFirstConnection() {
    TestScheduler first = cluster.scheduler(FrameworkInfo.named("web")).awaitSubscribed();
    TestScheduler second = cluster.scheduler(FrameworkInfo.named("web"), first.frameworkId).awaitSubscribed();
    assertThat(second.frameworkId).isEqualTo(first.frameworkId);
    SchedulerEvent error = first.awaitEvent(SchedulerEvent::hasError);
    assertThat(error.getError().getFatal()).isFalse();
    assertThat(error.getError().getMessage()).contains("subscribed again on another connection");
  }

  @Test
  void teardownRemovesTheFrameworkAtOnce() throws Exception {
    TestAgent agent = cluster.agent("host1", Resources.cpusMem(2, 1024)).awaitRegistered();
    TestScheduler scheduler = cluster.scheduler(FrameworkInfo.named("web")).awaitSubscribed();
    launchRunning(agent, scheduler, "t1");
    scheduler.teardown();
    agent.awaitEvent(AgentEvent::hasKillTask);
    agent.awaitEvent(AgentEvent::hasShutdownFramework);
    assertThat(scheduler.awaitEvent(SchedulerEvent::hasError).getError().getFatal()).isTrue();
    await().atMost(WAIT).until(() -> cluster.curator.checkExists().forPath(cluster.paths.framework(scheduler.frameworkId)) == null);
  }

  @Test
  void aLostAgentsTasksBecomeUnreachableAndComeBackWithIt() {
    TestAgent agent = cluster.agent("host1", Resources.cpusMem(2, 1024)).awaitRegistered();
    TestScheduler scheduler = cluster.scheduler(FrameworkInfo.named("web")).awaitSubscribed();
    launchRunning(agent, scheduler, "t1");
    Offer outstanding = scheduler.takeOffer();

    agent.close();
    scheduler.awaitEvent(e -> e.hasRescind() && e.getRescind().getOfferId().equals(outstanding.getId()));
    TaskStatus unreachable = scheduler.awaitUpdate("t1", TaskState.TASK_UNREACHABLE);
    assertThat(unreachable.getReason()).isEqualTo(TaskStatusReason.AGENT_UNREACHABLE);
    scheduler.awaitEvent(e -> e.hasAgentFailure() && e.getAgentFailure().getAgentId().equals(agent.agentId));

    scheduler.reconcile(List.of(Reconcile.Task.newBuilder().setTaskId("other").setAgentId(agent.agentId).build()));
    scheduler.awaitUpdate("other", TaskState.TASK_UNREACHABLE);

    TestAgent back = cluster.agent(agent).awaitRegistered();
    assertThat(back.agentId).isEqualTo(agent.agentId);
    TaskStatus again =
        scheduler
            .awaitEvent(e -> e.hasUpdate() && e.getUpdate().getStatus().getReason() == TaskStatusReason.RECONCILIATION && e.getUpdate().getStatus().getTaskId().equals("t1"))
            .getUpdate()
            .getStatus();
    assertThat(again.getState()).isEqualTo(TaskState.TASK_RUNNING);
    assertThat(again.getMessage()).contains("re-registered");
    scheduler.takeOffer(o -> o.getAgentId().equals(back.agentId) && cpus(o) == 1.0);
  }

  @Test
  void declinedResourcesStayAwayForTheRefusePeriod() {
    cluster.agent("host1", Resources.cpusMem(2, 1024)).awaitRegistered();
    TestScheduler scheduler = cluster.scheduler(FrameworkInfo.named("web")).awaitSubscribed();
    Offer offer = scheduler.takeOffer();
    long declined = System.nanoTime();
    scheduler.decline(offer.getId(), 1.5);
    scheduler.takeOffer();
    // Allocation runs every 100 ms; only the filter keeps the resources away this long.
    assertThat(Duration.ofNanos(System.nanoTime() - declined)).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
  }

  @Test
  void reviveEndsADeclineFilter() {
    cluster.agent("host1", Resources.cpusMem(2, 1024)).awaitRegistered();
    TestScheduler scheduler = cluster.scheduler(FrameworkInfo.named("web")).awaitSubscribed();
    Offer offer = scheduler.takeOffer();
    scheduler.decline(offer.getId(), 3600);
    scheduler.revive();
    Offer again = scheduler.takeOffer();
    assertThat(again.getId()).isNotEqualTo(offer.getId());
    assertThat(cpus(again)).isEqualTo(2.0);
  }

  @Test
  void aRepeatedRegistrationOnTheSameConnectionChangesNothing() {
    TestAgent agent = cluster.agent("host1", Resources.cpusMem(2, 1024)).awaitRegistered();
    TestScheduler scheduler = cluster.scheduler(FrameworkInfo.named("web")).awaitSubscribed();
    Offer offer = scheduler.takeOffer();
    scheduler.accept(List.of(offer.getId()), List.of(task("t1", offer, 1, 128)));
    agent.awaitEvent(AgentEvent::hasRunTask);

    // A retry the agent sent before it heard of t1 arrives after the launch.
    agent.register(List.of());
    await().atMost(WAIT).until(() -> agent.events.stream().filter(AgentEvent::hasRegistered).count() == 2);
    agent.update(scheduler.frameworkId, "t1", TaskState.TASK_RUNNING);
    scheduler.awaitUpdate("t1", TaskState.TASK_RUNNING);
    assertThat(scheduler.updates("t1")).extracting(TaskStatus::getState).containsExactly(TaskState.TASK_RUNNING);
  }
}
