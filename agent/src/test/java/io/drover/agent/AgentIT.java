package io.drover.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.core.FrameworkId;
import io.drover.core.FrameworkInfo;
import io.drover.core.MasterInfo;
import io.drover.core.Resources;
import io.drover.core.TaskInfo;
import io.drover.protocol.FromProto;
import io.drover.protocol.ToProto;
import io.drover.protocol.net.Backoff;
import io.drover.protocol.net.MasterDetector;
import io.drover.protocol.net.MasterInfoJson;
import io.drover.protocol.net.ProtocolOptions;
import io.drover.protocol.net.ZkUrl;
import io.drover.protocol.net.ZooKeeperClients;
import io.drover.protocol.v1.AcknowledgeUpdate;
import io.drover.protocol.v1.AgentEvent;
import io.drover.protocol.v1.AgentRegistered;
import io.drover.protocol.v1.AgentStatusUpdate;
import io.drover.protocol.v1.KillTask;
import io.drover.protocol.v1.RegisterAgent;
import io.drover.protocol.v1.RunTask;
import io.drover.protocol.v1.TaskState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.CreateMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole agent against a fake master on real ZooKeeper and real Netty, running real processes. */
class AgentIT {
  private static final ProtocolOptions PROTOCOL = ProtocolOptions.DEFAULTS.withHeartbeat(Duration.ofMillis(300), 5);
  private static final FrameworkInfo FRAMEWORK = FrameworkInfo.named("fw").withId(FrameworkId.of("fw-1"));

  @TempDir Path work;
  private TestingServer zookeeper;
  private CuratorFramework curator;
  private ZkUrl zk;
  private final List<AutoCloseable> closeables = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    zookeeper = new TestingServer();
    zk = ZkUrl.parse("zk://" + zookeeper.getConnectString() + "/drover");
    curator = ZooKeeperClients.start(zk, Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      closeables.get(i).close();
    }
    curator.close();
    zookeeper.close();
  }

  private FakeMaster master(String id) throws Exception {
    FakeMaster master = new FakeMaster(id, PROTOCOL);
    closeables.add(master);
    return master;
  }

  private void publishLeader(MasterInfo info) throws Exception {
    String path = MasterDetector.leaderPath(zk);
    if (curator.checkExists().forPath(path) != null) {
      curator.delete().forPath(path);
    }
    curator.create().creatingParentsIfNeeded().withMode(CreateMode.EPHEMERAL).forPath(path, MasterInfoJson.write(info));
  }

  private Agent agent() throws Exception {
    AgentConfig config =
        AgentConfig.defaults(work, zk)
            .withHostname("agent-host")
            .withHttp("127.0.0.1", 0)
            .withResources(AgentConfig.parseResources("cpus:2;mem:512;disk:1000;ports:[31000-31010]"))
            .withAttributes(AgentConfig.parseAttributes("rack:r1"))
            .withBackoffs(new Backoff(Duration.ofMillis(300), Duration.ofMillis(600)), new Backoff(Duration.ofMillis(200), Duration.ofMillis(400)))
            .withProtocol(PROTOCOL);
    Agent agent = new Agent(config, Clock.systemUTC());
    closeables.add(agent);
    agent.start();
    return agent;
  }

  private static AgentEvent registered(String id) {
    return AgentEvent.newBuilder().setRegistered(AgentRegistered.newBuilder().setAgentId(id)).build();
  }

  private static AgentEvent run(TaskInfo task) {
    return AgentEvent.newBuilder().setRunTask(RunTask.newBuilder().setFramework(ToProto.frameworkInfo(FRAMEWORK)).setTask(ToProto.taskInfo(task))).build();
  }

  private static AgentEvent ack(AgentStatusUpdate update) {
    return AgentEvent.newBuilder()
        .setAcknowledge(AcknowledgeUpdate.newBuilder().setFrameworkId(update.getFrameworkId()).setTaskId(update.getStatus().getTaskId()).setUuid(update.getStatus().getUuid()))
        .build();
  }

  private static TaskInfo task(String id, String command) {
    TaskInfo t = Tasks.shell(id, command);
    return new TaskInfo(t.id(), id, Tasks.AGENT, Resources.parse("cpus:0.1;mem:16"), t.command(), t.container(), t.healthCheck(), Duration.ofSeconds(2), t.labels());
  }

  private static java.util.function.Predicate<AgentStatusUpdate> of(String task, TaskState state) {
    return u -> u.getStatus().getTaskId().equals(task) && u.getStatus().getState() == state;
  }

  @Test
  void registersRunsTasksAndDeliversEveryUpdateUntilAcknowledged() throws Exception {
    FakeMaster master = master("m1");
    publishLeader(master.info);
    Agent agent = agent();

    RegisterAgent first = master.awaitRegistration(1);
    assertThat(first.getAgentId()).isEmpty();
    assertThat(FromProto.agentInfo(first.getInfo()).hostname()).isEqualTo("agent-host");
    assertThat(FromProto.agentInfo(first.getInfo()).resources()).isEqualTo(Resources.parse("cpus:2;mem:512;disk:1000;ports:[31000-31010]"));
    assertThat(FromProto.agentInfo(first.getInfo()).attributes().get("rack")).contains("r1");
    assertThat(FromProto.agentInfo(first.getInfo()).port()).isEqualTo(agent.httpPort());
    // Unanswered, the registration is repeated.
    master.awaitRegistration(2);

    master.send(registered("agent-1"));
    await().until(() -> agent.state().registered());
    assertThat(agent.state().id()).hasValueSatisfying(id -> assertThat(id.value()).isEqualTo("agent-1"));
    assertThat(work.resolve("meta/agent_id")).hasContent("agent-1");

    master.send(run(task("echo", "echo hi")));
    AgentStatusUpdate running = master.awaitUpdate(of("echo", TaskState.TASK_RUNNING));
    assertThat(running.getFrameworkId()).isEqualTo("fw-1");
    assertThat(running.getStatus().getUuid()).isNotEmpty();
    // Unacknowledged, it is sent again with the same uuid, and nothing overtakes it.
    await().until(() -> master.updates(of("echo", TaskState.TASK_RUNNING)).size() >= 2);
    assertThat(master.updates(of("echo", TaskState.TASK_RUNNING))).allMatch(u -> u.getStatus().getUuid().equals(running.getStatus().getUuid()));
    assertThat(master.updates(of("echo", TaskState.TASK_FINISHED))).isEmpty();

    master.send(ack(running));
    AgentStatusUpdate finished = master.awaitUpdate(of("echo", TaskState.TASK_FINISHED));
    assertThat(finished.getStatus().getMessage()).isEqualTo("Command exited with status 0");
    master.send(ack(finished));
    await().until(() -> agent.state().tasks().isEmpty());

    master.send(run(task("sleeper", "sleep 1000")));
    master.send(ack(master.awaitUpdate(of("sleeper", TaskState.TASK_RUNNING))));
    master.send(AgentEvent.newBuilder().setKillTask(KillTask.newBuilder().setFrameworkId("fw-1").setTaskId("sleeper")).build());
    master.awaitUpdate(of("sleeper", TaskState.TASK_KILLED));

    master.send(run(Tasks.docker("boxed")));
    assertThat(master.awaitUpdate(of("boxed", TaskState.TASK_FAILED)).getStatus().getMessage()).isEqualTo("agent has no docker containerizer");
  }

  @Test
  void aRestartedAgentReregistersWithItsTasksWhichKeepRunningAndFollowsANewLeader() throws Exception {
    FakeMaster m1 = master("m1");
    publishLeader(m1.info);
    Agent agent = agent();
    m1.awaitRegistration(1);
    m1.send(registered("agent-1"));
    await().until(() -> agent.state().registered());
    m1.send(run(task("waiter", "touch ready; while [ ! -f stop ]; do sleep 0.05; done; exit 7")));
    m1.send(ack(m1.awaitUpdate(of("waiter", TaskState.TASK_RUNNING))));
    Path sandbox = Path.of(agent.state().tasks().get(0).sandbox().orElseThrow());
    await().until(() -> Files.exists(sandbox.resolve("ready")));

    agent.stop();
    int before = m1.registrations().size();
    Agent restarted = agent();

    RegisterAgent again = m1.awaitRegistration(before + 1);
    assertThat(again.getAgentId()).isEqualTo("agent-1");
    assertThat(again.getTasksList()).hasSize(1);
    assertThat(again.getTasks(0).getTask().getTaskId()).isEqualTo("waiter");
    assertThat(again.getTasks(0).getState()).isEqualTo(TaskState.TASK_RUNNING);
    assertThat(again.getTasks(0).getFrameworkId()).isEqualTo("fw-1");
    assertThat(again.getFrameworksList()).extracting(f -> f.getId()).containsExactly("fw-1");
    m1.send(registered("agent-1"));
    await().until(() -> restarted.state().registered());
    assertThat(Files.exists(sandbox.resolve("stop"))).isFalse();

    FakeMaster m2 = master("m2");
    publishLeader(m2.info);
    RegisterAgent toNewLeader = m2.awaitRegistration(1);
    assertThat(toNewLeader.getAgentId()).isEqualTo("agent-1");
    assertThat(toNewLeader.getTasksList()).extracting(t -> t.getTask().getTaskId()).containsExactly("waiter");
    m2.send(registered("agent-1"));

    Files.writeString(sandbox.resolve("stop"), "");
    AgentStatusUpdate failed = m2.awaitUpdate(of("waiter", TaskState.TASK_FAILED));
    assertThat(failed.getStatus().getMessage()).startsWith("Command exited with status 7");
  }
}
