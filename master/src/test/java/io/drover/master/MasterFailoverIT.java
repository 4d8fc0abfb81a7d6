package io.drover.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.core.AgentId;
import io.drover.core.FrameworkInfo;
import io.drover.core.Resources;
import io.drover.core.TaskId;
import io.drover.core.TaskInfo;
import io.drover.master.view.ClusterState;
import io.drover.protocol.v1.Offer;
import io.drover.protocol.v1.Reconcile;
import io.drover.protocol.v1.SchedulerEvent;
import io.drover.protocol.v1.TaskState;
import io.drover.protocol.v1.TaskStatus;
import io.drover.protocol.v1.TaskStatusReason;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Two masters on one ZooKeeper: what survives a change of leader, and how agents come back. */
@Tag("slow")
class MasterFailoverIT {
  private static final Duration WAIT = TestCluster.WAIT;
  private static final Duration REREGISTRATION_WINDOW = Duration.ofSeconds(4);

  private TestCluster cluster;

  @BeforeEach
  void start() {
    cluster = new TestCluster();
  }

  @AfterEach
  void stop() throws Exception {
    cluster.close();
  }

  private Master master() throws Exception {
    return cluster.master(c -> c.withAgentTimeouts(Duration.ofSeconds(30), REREGISTRATION_WINDOW));
  }

  private static void launchRunning(TestAgent agent, TestScheduler scheduler, String taskId) {
    Offer offer = scheduler.takeOffer(o -> o.getAgentId().equals(agent.agentId));
    scheduler.accept(List.of(offer.getId()), List.of(TaskInfo.command(TaskId.of(taskId), AgentId.of(offer.getAgentId()), Resources.cpusMem(1, 128), "sleep 1000")));
    agent.awaitEvent(e -> e.hasRunTask() && e.getRunTask().getTask().getTaskId().equals(taskId));
    agent.update(scheduler.frameworkId, taskId, TaskState.TASK_RUNNING);
    scheduler.acknowledge(scheduler.awaitUpdate(taskId, TaskState.TASK_RUNNING));
  }

  private static ClusterState state(Master master) throws Exception {
    return master.state().get(10, TimeUnit.SECONDS);
  }

  private static String agentStatus(Master master, String agentId) throws Exception {
    return state(master).agents().stream().filter(a -> a.id().equals(agentId)).findFirst().orElseThrow().status();
  }

  @Test
  void theRegistrySurvivesALeaderChangeAndAgentsHaveAWindowToComeBack() throws Exception {
    Master first = master();
    await().atMost(WAIT).until(first::isLeading);
    Master second = master();
    await().atMost(WAIT).until(() -> second.leader().filter(l -> l.id().equals(first.self().id())).isPresent());

    TestAgent stays = cluster.agent("stays", Resources.cpusMem(2, 1024)).awaitRegistered();
    TestAgent leaves = cluster.agent("leaves", Resources.cpusMem(2, 1024)).awaitRegistered();
    TestScheduler scheduler = cluster.scheduler(FrameworkInfo.named("web")).awaitSubscribed();
    String frameworkId = scheduler.frameworkId;
    launchRunning(stays, scheduler, "t1");
    launchRunning(leaves, scheduler, "t2");

    leaves.close();
    first.close();

    await().atMost(WAIT).until(second::isLeading);
    assertThat(second.self().epoch()).isEqualTo(2);
    // The framework re-subscribes with its id and is known; the agent that stayed re-registers with its task.
    await().atMost(WAIT).until(() -> scheduler.events.stream().filter(SchedulerEvent::hasSubscribed).count() == 2);
    SchedulerEvent resubscribed = scheduler.events.stream().filter(SchedulerEvent::hasSubscribed).skip(1).findFirst().orElseThrow();
    assertThat(resubscribed.getSubscribed().getFrameworkId()).isEqualTo(frameworkId);
    assertThat(resubscribed.getSubscribed().getMaster().getEpoch()).isEqualTo(2);
    await().atMost(WAIT).until(() -> stays.connections.get() == 2 && agentStatus(second, stays.agentId).equals("ACTIVE"));
    assertThat(stays.agentId).isNotEmpty();

    // Within the window the missing agent is still being waited for.
    assertThat(agentStatus(second, leaves.agentId)).isEqualTo("RECOVERING");
    scheduler.reconcile(List.of(Reconcile.Task.newBuilder().setTaskId("t1").setAgentId(stays.agentId).build()));
    TaskStatus t1 =
        scheduler.awaitEvent(e -> e.hasUpdate() && e.getUpdate().getStatus().getTaskId().equals("t1") && e.getUpdate().getStatus().getReason() == TaskStatusReason.RECONCILIATION)
            .getUpdate()
            .getStatus();
    assertThat(t1.getState()).isEqualTo(TaskState.TASK_RUNNING);

    // After it, the missing agent is unreachable, and so is what it ran.
    await().atMost(WAIT).until(() -> agentStatus(second, leaves.agentId).equals("UNREACHABLE"));
    scheduler.reconcile(List.of(Reconcile.Task.newBuilder().setTaskId("t2").setAgentId(leaves.agentId).build()));
    scheduler.awaitUpdate("t2", TaskState.TASK_UNREACHABLE);

    // When it does come back, its task is known again.
    TestAgent back = cluster.agent(leaves).awaitRegistered();
    await().atMost(WAIT).until(() -> agentStatus(second, back.agentId).equals("ACTIVE"));
    assertThat(state(second).frameworks().get(0).tasks()).extracting(ClusterState.TaskView::id).containsExactlyInAnyOrder("t1", "t2");
    assertThat(stays.events).noneMatch(e -> e.hasKillTask() || e.hasShutdownFramework());
  }

  @Test
  void aFrameworkKnownOnlyFromTheRegistryKeepsItsFailoverDeadlineAcrossLeaders() throws Exception {
    Master first = master();
    await().atMost(WAIT).until(first::isLeading);
    TestAgent agent = cluster.agent("host", Resources.cpusMem(2, 1024)).awaitRegistered();
    TestScheduler scheduler = cluster.scheduler(FrameworkInfo.named("brief").withFailoverTimeout(Duration.ofSeconds(3))).awaitSubscribed();
    launchRunning(agent, scheduler, "t1");
    String frameworkId = scheduler.frameworkId;
    scheduler.close();
    await().atMost(WAIT).until(() -> cluster.curator.checkExists().forPath(cluster.paths.failoverDeadline(frameworkId)) != null);

    Master second = master();
    first.close();
    await().atMost(WAIT).until(second::isLeading);
    // The new leader honours the deadline the old one stored: the framework is removed and its task killed.
    agent.awaitEvent(e -> e.hasKillTask() && e.getKillTask().getFrameworkId().equals(frameworkId));
    await().atMost(WAIT).until(() -> cluster.curator.checkExists().forPath(cluster.paths.framework(frameworkId)) == null);
  }

  @Test
  void aLeaderCutOffFromZooKeeperStopsActingAndLeadsAgainWithANewEpochOnceBack() throws Exception {
    Master master = master();
    await().atMost(WAIT).until(master::isLeading);
    TestAgent agent = cluster.agent("host", Resources.cpusMem(2, 1024)).awaitRegistered();

    cluster.zk.stop();
    await().atMost(WAIT).until(() -> !master.isLeading());
    await().atMost(WAIT).until(() -> agent.disconnections.get() >= 1);

    cluster.zk.restart();
    await().atMost(WAIT).until(master::isLeading);
    assertThat(master.self().epoch()).isEqualTo(2);
    await().atMost(WAIT).until(() -> agent.connections.get() >= 2 && agentStatus(master, agent.agentId).equals("ACTIVE"));
  }
}
