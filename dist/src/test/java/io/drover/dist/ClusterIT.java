package io.drover.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.agent.Agent;
import io.drover.agent.AgentConfig;
import io.drover.core.FrameworkInfo;
import io.drover.core.Resources;
import io.drover.core.TaskId;
import io.drover.core.TaskState;
import io.drover.master.Master;
import io.drover.master.MasterConfig;
import io.drover.protocol.net.Backoff;
import io.drover.protocol.net.ProtocolOptions;
import io.drover.protocol.net.ZkUrl;
import io.drover.sdk.DriverOptions;
import io.drover.sdk.ZooKeeperSchedulerDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.curator.test.TestingCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole offer cycle across real parts: a 3-server ZooKeeper ensemble, two masters, three agents
 * running real processes, and a framework on the SDK, all over Netty on loopback.
 */
@Tag("slow")
class ClusterIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Resources PER_TASK = Resources.cpusMem(0.1, 16);
  private static final Backoff FAST = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));

  @TempDir Path work;
  private TestingCluster zookeeper;
  private ZkUrl zk;
  private final List<Master> masters = new ArrayList<>();
  private final List<Agent> agents = new ArrayList<>();
  private final List<AgentConfig> agentConfigs = new ArrayList<>();
  private final List<ZooKeeperSchedulerDriver> drivers = new ArrayList<>();

  @BeforeEach
  void startCluster() throws Exception {
    zookeeper = new TestingCluster(3);
    zookeeper.start();
    zk = ZkUrl.parse("zk://" + zookeeper.getConnectString() + "/drover");
    for (int i = 0; i < 2; i++) {
      masters.add(startMaster());
    }
    for (int i = 1; i <= 3; i++) {
      AgentConfig config =
          AgentConfig.defaults(work.resolve("agent-" + i), zk)
              .withHostname("host-" + i)
              .withHttp("127.0.0.1", 0)
              .withResources(Resources.parse("cpus:2;mem:4096;disk:1024;ports:[31000-31100]"))
              .withBackoffs(FAST, FAST)
              .withProtocol(ProtocolOptions.DEFAULTS.withHeartbeat(Duration.ofMillis(500), 4));
      agentConfigs.add(config);
      agents.add(AgentCommand.start(config));
    }
    await().atMost(WAIT).until(() -> leader().isPresent() && activeAgents(leader().get()) == 3);
  }

  private Master startMaster() throws Exception {
    MasterConfig config =
        MasterConfig.defaults(zk, "127.0.0.1")
            .withPorts(0, 0)
            .withHeartbeat(Duration.ofMillis(500), 4)
            .withAgentTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(20))
            .withAllocationInterval(Duration.ofMillis(200));
    return MasterCommand.start(config);
  }

  @AfterEach
  void stopCluster() throws IOException {
    drivers.forEach(d -> d.stop(false));
    agents.forEach(agent -> agent.stopWithTasks(Duration.ofSeconds(30)));
    masters.forEach(Master::close);
    zookeeper.close();
  }

  private java.util.Optional<Master> leader() {
    return masters.stream().filter(Master::isLeading).findFirst();
  }

  private static long activeAgents(Master master) {
    return master.state().join().agents().stream().filter(a -> a.active()).count();
  }

  private ZooKeeperSchedulerDriver startFramework(RecordingScheduler scheduler, FrameworkInfo info) {
    ZooKeeperSchedulerDriver driver =
        new ZooKeeperSchedulerDriver(scheduler, info, zk, DriverOptions.DEFAULTS.withReconnectBackoff(FAST));
    drivers.add(driver);
    driver.start();
    return driver;
  }

  private int busiestAgent() {
    int busiest = 0;
    for (int i = 1; i < agents.size(); i++) {
      if (agents.get(i).state().tasks().size() > agents.get(busiest).state().tasks().size()) {
        busiest = i;
      }
    }
    return busiest;
  }

  /** Each task appends its id to a file when it starts, so that a task run twice shows up twice. */
  private String countedCommand(TaskId id, String rest) {
    return "echo " + id.value() + " >> " + work.resolve("started") + "; " + rest;
  }

  private Map<String, Long> startsPerTask() throws IOException {
    return Files.readAllLines(work.resolve("started")).stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  @Test
  void fiftyTasksEndExactlyOnceThroughAMasterFailoverAndAnAgentRestart() throws Exception {
    RecordingScheduler scheduler = new RecordingScheduler(PER_TASK);
    List<TaskId> ids = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      TaskId id = TaskId.of("task-" + i);
      ids.add(id);
      scheduler.queue(id, countedCommand(id, "sleep 4"));
    }
    startFramework(scheduler, FrameworkInfo.named("failover-test").withFailoverTimeout(Duration.ofMinutes(5)));
    await().atMost(WAIT).until(() -> scheduler.count(TaskState.TASK_RUNNING) >= 25);

    Master old = leader().orElseThrow();
    old.close();
    masters.remove(old);
    masters.add(startMaster());
    await().atMost(WAIT).until(() -> leader().isPresent() && activeAgents(leader().get()) == 3);
    await().atMost(WAIT).until(() -> scheduler.subscriptions.size() >= 2);

    int busiest = busiestAgent();
    assertThat(agents.get(busiest).state().tasks()).isNotEmpty();
    agents.get(busiest).stop();
    agents.set(busiest, AgentCommand.start(agentConfigs.get(busiest)));

    await().atMost(WAIT).until(() -> scheduler.terminalStates.keySet().containsAll(ids));
    assertThat(scheduler.subscriptions).allMatch(id -> id.equals(scheduler.subscriptions.get(0)));
    assertThat(scheduler.launched).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(scheduler.terminalStates).allSatisfy((id, states) -> assertThat(states).as(id.value()).containsExactly(TaskState.TASK_FINISHED));
    assertThat(startsPerTask()).hasSize(50).allSatisfy((id, starts) -> assertThat(starts).as(id).isEqualTo(1L));
  }

  @Test
  void aRestartedAgentKeepsItsRunningTasks() throws Exception {
    RecordingScheduler scheduler = new RecordingScheduler(Resources.cpusMem(1.5, 16));
    List<TaskId> ids = List.of(TaskId.of("long-1"), TaskId.of("long-2"), TaskId.of("long-3"));
    ids.forEach(id -> scheduler.queue(id, countedCommand(id, "sleep 5")));
    startFramework(scheduler, FrameworkInfo.named("restart-test"));
    await().atMost(WAIT).until(() -> scheduler.count(TaskState.TASK_RUNNING) == 3);

    for (int i = 0; i < agents.size(); i++) {
      agents.get(i).stop();
      agents.set(i, AgentCommand.start(agentConfigs.get(i)));
    }
    await().atMost(WAIT).until(() -> scheduler.terminalStates.keySet().containsAll(ids));
    assertThat(scheduler.terminalStates.values()).allSatisfy(states -> assertThat(states).containsExactly(TaskState.TASK_FINISHED));
    assertThat(startsPerTask().values()).containsOnly(1L);
  }

  @Test
  void aFrameworkBackWithinItsFailoverTimeoutKeepsItsTasks() throws Exception {
    RecordingScheduler first = new RecordingScheduler(PER_TASK);
    first.queue(TaskId.of("kept"), "sleep 60");
    FrameworkInfo info = FrameworkInfo.named("failover-framework").withFailoverTimeout(Duration.ofMinutes(5));
    ZooKeeperSchedulerDriver driver = startFramework(first, info);
    await().atMost(WAIT).until(() -> first.latest.get(TaskId.of("kept")) == TaskState.TASK_RUNNING);
    var frameworkId = driver.frameworkId().orElseThrow();
    driver.stop(true);
    drivers.remove(driver);
    await().atMost(WAIT).until(() -> leader().get().state().join().frameworks().stream().noneMatch(f -> f.active()));

    RecordingScheduler second = new RecordingScheduler(PER_TASK);
    startFramework(second, info.withId(frameworkId));
    await().atMost(WAIT).until(() -> second.latest.get(TaskId.of("kept")) == TaskState.TASK_RUNNING);
    assertThat(second.subscriptions).containsExactly(frameworkId);
    assertThat(leader().get().state().join().frameworks())
        .singleElement()
        .satisfies(f -> assertThat(f.tasks()).extracting(t -> t.id()).containsExactly("kept"));
    assertThat(Set.copyOf(first.launched)).containsExactly(TaskId.of("kept"));
  }
}
