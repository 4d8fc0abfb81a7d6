package io.drover.agent;

import io.drover.agent.containerizer.docker.DockerSettings;
import io.drover.core.FrameworkId;
import io.drover.core.FrameworkInfo;
import io.drover.core.MasterInfo;
import io.drover.core.TaskInfo;
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
import io.drover.protocol.v1.RunTask;
import io.drover.protocol.v1.TaskState;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.CreateMode;

/**
 * Real ZooKeeper, fake masters on real Netty, and real agents on one work dir: what the agent's
 * wire-level tests run against. Closing it closes what it started, last first.
 */
final class AgentCluster implements AutoCloseable {
  static final ProtocolOptions PROTOCOL = ProtocolOptions.DEFAULTS.withHeartbeat(Duration.ofMillis(300), 5);
  static final FrameworkInfo FRAMEWORK = FrameworkInfo.named("fw").withId(FrameworkId.of("fw-1"));
  /** An engine address where none answers: an agent without Docker. */
  static final DockerSettings NO_DOCKER = DockerSettings.defaults(java.util.Map.of()).withHost(URI.create("unix:///nonexistent/docker.sock"));

  private final Path work;
  private final TestingServer zookeeper;
  private final CuratorFramework curator;
  private final ZkUrl zk;
  private final List<AutoCloseable> closeables = new ArrayList<>();

  AgentCluster(Path work) throws Exception {
    this.work = work;
    this.zookeeper = new TestingServer();
    this.zk = ZkUrl.parse("zk://" + zookeeper.getConnectString() + "/drover");
    this.curator = ZooKeeperClients.start(zk, Duration.ofSeconds(10));
  }

  /** A fake master, published as the leader. */
  FakeMaster leader(String id) throws Exception {
    FakeMaster master = new FakeMaster(id, PROTOCOL);
    closeables.add(master);
    String path = MasterDetector.leaderPath(zk);
    if (curator.checkExists().forPath(path) != null) {
      curator.delete().forPath(path);
    }
    curator.create().creatingParentsIfNeeded().withMode(CreateMode.EPHEMERAL).forPath(path, MasterInfoJson.write(master.info));
    return master;
  }

  AgentConfig config() {
    return AgentConfig.defaults(work, zk)
        .withHostname("agent-host")
        .withHttp("127.0.0.1", 0)
        .withResources(AgentConfig.parseResources("cpus:2;mem:512;disk:1000;ports:[31000-31010]"))
        .withAttributes(AgentConfig.parseAttributes("rack:r1"))
        .withBackoffs(new Backoff(Duration.ofMillis(300), Duration.ofMillis(600)), new Backoff(Duration.ofMillis(200), Duration.ofMillis(400)))
        .withProtocol(PROTOCOL)
        .withDocker(NO_DOCKER);
  }

  Agent start(AgentConfig config) throws Exception {
    Agent agent = new Agent(config, Clock.systemUTC());
    closeables.add(agent);
    agent.start();
    return agent;
  }

  static AgentEvent registered(String id) {
    return AgentEvent.newBuilder().setRegistered(AgentRegistered.newBuilder().setAgentId(id)).build();
  }

  static AgentEvent run(TaskInfo task) {
    return AgentEvent.newBuilder().setRunTask(RunTask.newBuilder().setFramework(ToProto.frameworkInfo(FRAMEWORK)).setTask(ToProto.taskInfo(task))).build();
  }

  static AgentEvent kill(String taskId) {
    return AgentEvent.newBuilder().setKillTask(KillTask.newBuilder().setFrameworkId("fw-1").setTaskId(taskId)).build();
  }

  static AgentEvent ack(AgentStatusUpdate update) {
    return AgentEvent.newBuilder()
        .setAcknowledge(AcknowledgeUpdate.newBuilder().setFrameworkId(update.getFrameworkId()).setTaskId(update.getStatus().getTaskId()).setUuid(update.getStatus().getUuid()))
        .build();
  }

  static Predicate<AgentStatusUpdate> of(String task, TaskState state) {
    return u -> u.getStatus().getTaskId().equals(task) && u.getStatus().getState() == state;
  }

  @Override
  public void close() throws Exception {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      closeables.get(i).close();
    }
    curator.close();
    zookeeper.close();
  }
}
