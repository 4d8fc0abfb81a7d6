package io.drover.master;

import static org.awaitility.Awaitility.await;

import io.drover.core.AgentId;
import io.drover.core.FrameworkInfo;
import io.drover.core.Resources;
import io.drover.core.TaskId;
import io.drover.core.TaskInfo;
import io.drover.protocol.v1.Offer;
import io.drover.protocol.v1.TaskState;
import java.time.Duration;
import java.util.List;

/** A {@link TestCluster} for tests outside this package: masters, and one task brought to RUNNING. */
public final class OperatorHarness implements AutoCloseable {
  private final TestCluster cluster = new TestCluster();

  public Master leader() throws Exception {
    return cluster.leadingMaster();
  }

  public Master standby() throws Exception {
    Master standby = cluster.master(c -> c);
    await().atMost(Duration.ofSeconds(20)).until(() -> standby.leader().filter(l -> !l.id().equals(standby.self().id())).isPresent());
    return standby;
  }

  /** Registers an agent with {@code resources} on host1, subscribes {@code framework}, and runs one task of 1 cpu there. */
  public void runOneTask(Resources resources, FrameworkInfo framework, String taskId) {
    TestAgent agent = cluster.agent("host1", resources).awaitRegistered();
    TestScheduler scheduler = cluster.scheduler(framework).awaitSubscribed();
    Offer offer = scheduler.takeOffer();
    scheduler.accept(List.of(offer.getId()), List.of(TaskInfo.command(TaskId.of(taskId), AgentId.of(offer.getAgentId()), Resources.cpusMem(1, 128), "sleep 1000")));
    agent.awaitEvent(e -> e.hasRunTask());
    agent.update(scheduler.frameworkId, taskId, TaskState.TASK_RUNNING);
    scheduler.acknowledge(scheduler.awaitUpdate(taskId, TaskState.TASK_RUNNING));
  }

  @Override
  public void close() throws Exception {
    cluster.close();
  }
}
