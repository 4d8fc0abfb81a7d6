package io.drover.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.drover.agent.Agent;
import io.drover.agent.AgentConfig;
import io.drover.core.Resources;
import io.drover.marathon.MarathonApp;
import io.drover.marathon.MarathonConfig;
import io.drover.master.Master;
import io.drover.master.MasterConfig;
import io.drover.protocol.net.Backoff;
import io.drover.protocol.net.ProtocolOptions;
import io.drover.protocol.net.ZkUrl;
import io.drover.testing.EmbeddedZooKeeper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mesosphere.marathon.client.Marathon;
import mesosphere.marathon.client.MarathonClient;
import mesosphere.marathon.client.MarathonException;
import mesosphere.marathon.client.model.v2.App;
import mesosphere.marathon.client.model.v2.Deployment;
import mesosphere.marathon.client.model.v2.PortDefinition;
import mesosphere.marathon.client.model.v2.Result;
import mesosphere.marathon.client.model.v2.Task;
import mesosphere.marathon.client.model.v2.VersionedApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Marathon's own Java client (com.mesosphere:marathon-client, Feign and Gson) against marathon-app on a
 * real cluster: ZooKeeper, a master, two agents running real processes. What a user of the client
 * does: create an app, list and get it, scale it, read its tasks and the deployments, kill a task,
 * delete the app.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarathonClientCompatIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Backoff FAST = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));

  @TempDir static Path work;
  private EmbeddedZooKeeper zooKeeper;
  private Master master;
  private final List<Agent> agents = new ArrayList<>();
  private MarathonApp marathonApp;
  private Marathon client;

  @BeforeAll
  void startCluster() throws Exception {
    zooKeeper = EmbeddedZooKeeper.start();
    ZkUrl zk = ZkUrl.parse(zooKeeper.url("/drover"));
    master =
        new Master(
            MasterConfig.defaults(zk, "127.0.0.1")
                .withPorts(0, 0)
                .withHeartbeat(Duration.ofMillis(500), 4)
                .withAllocationInterval(Duration.ofMillis(200)));
    master.start();
    for (int i = 1; i <= 2; i++) {
      Agent agent =
          new Agent(
              AgentConfig.defaults(work.resolve("agent-" + i), zk)
                  .withHostname("host-" + i)
                  .withHttp("127.0.0.1", 0)
                  .withResources(Resources.parse("cpus:2;mem:2048;disk:1024;ports:[31000-31100]"))
                  .withBackoffs(FAST, FAST)
                  .withProtocol(ProtocolOptions.DEFAULTS.withHeartbeat(Duration.ofMillis(500), 4)),
              Clock.systemUTC());
      agent.start();
      agents.add(agent);
    }
    marathonApp = new MarathonApp(MarathonConfig.defaults(zk, "127.0.0.1").withHttpPort(0));
    marathonApp.start();
    await().atMost(WAIT).until(marathonApp::isLeader);
    await().atMost(WAIT).until(() -> master.state().join().agents().stream().filter(a -> a.active()).count() == 2);
    client = MarathonClient.getInstance("http://127.0.0.1:" + marathonApp.httpPort());
  }

  @AfterAll
  void stopCluster() throws Exception {
    if (marathonApp != null) {
      marathonApp.close();
    }
    agents.forEach(agent -> agent.stopWithTasks(Duration.ofSeconds(30)));
    if (master != null) {
      master.close();
    }
    if (zooKeeper != null) {
      zooKeeper.close();
    }
  }

  private int running(String appId) throws MarathonException {
    return client.getApp(appId).getApp().getTasksRunning();
  }

  private void awaitNoDeployments() {
    await().atMost(WAIT).until(() -> client.getDeployments().isEmpty());
  }

  @Test
  void theMarathonJavaClientCreatesScalesListsKillsAndDeletesAnApp() throws Exception {
    App app = new App();
    app.setId("/compat/sleeper");
    app.setCmd("sleep 600");
    app.setInstances(2);
    app.setCpus(0.1);
    app.setMem(32.0);
    PortDefinition port = new PortDefinition();
    port.setPort(0);
    app.setPortDefinitions(List.of(port));

    VersionedApp created = client.createApp(app);

    assertThat(created.getId()).isEqualTo("/compat/sleeper");
    assertThat(created.getVersion()).isNotEmpty();
    assertThat(created.getDeployments()).hasSize(1);
    List<Deployment> deployments = client.getDeployments();
    assertThat(deployments).singleElement().satisfies(d -> {
      assertThat(d.getAffectedApps()).containsExactly("/compat/sleeper");
      assertThat(d.getTotalSteps()).isEqualTo(1);
    });
    await().atMost(WAIT).until(() -> running("/compat/sleeper") == 2);
    awaitNoDeployments();
    assertThat(client.getApps().getApps()).extracting(App::getId).contains("/compat/sleeper");
    assertThat(client.getApp("/compat/sleeper").getApp().getPortDefinitions()).singleElement().satisfies(p -> assertThat(p.getPort()).isEqualTo(10000));

    App scaled = client.getApp("/compat/sleeper").getApp();
    scaled.setInstances(3);
    Result scaling = client.updateApp("/compat/sleeper", scaled, false);
    assertThat(scaling.getDeploymentId()).isNotEmpty();
    await().atMost(WAIT).until(() -> running("/compat/sleeper") == 3);
    awaitNoDeployments();

    List<Task> tasks = new ArrayList<>(client.getAppTasks("/compat/sleeper").getTasks());
    assertThat(tasks).hasSize(3).allSatisfy(task -> {
      assertThat(task.getAppId()).isEqualTo("/compat/sleeper");
      assertThat(task.getState()).isEqualTo("TASK_RUNNING");
      assertThat(task.getHost()).startsWith("host-");
      assertThat(task.getPorts()).hasSize(1);
      assertThat(task.getServicePorts()).containsExactly(10000);
    });
    assertThat(client.getTasks().getTasks()).extracting(Task::getId).containsAll(tasks.stream().map(Task::getId).toList());

    Task killed = client.deleteAppTask("/compat/sleeper", tasks.get(0).getId(), "false").getTask();
    assertThat(killed.getId()).isEqualTo(tasks.get(0).getId());
    await().atMost(WAIT).until(() -> client.getAppTasks("/compat/sleeper").getTasks().stream()
        .filter(task -> "TASK_RUNNING".equals(task.getState()) && !task.getId().equals(killed.getId())).count() == 3);
    // with scale Marathon answers with the deployment that lowers the count, which this client reads as no task
    client.deleteAppTask("/compat/sleeper", tasks.get(1).getId(), "true");
    await().atMost(WAIT).until(() -> client.getApp("/compat/sleeper").getApp().getInstances() == 2 && running("/compat/sleeper") == 2);
    awaitNoDeployments();

    Result deleted = client.deleteApp("/compat/sleeper");
    assertThat(deleted.getDeploymentId()).isNotEmpty();
    await().atMost(WAIT).until(() -> client.getApps().getApps().stream().noneMatch(a -> a.getId().equals("/compat/sleeper")));
    assertThatThrownBy(() -> client.getApp("/compat/sleeper")).isInstanceOf(MarathonException.class).satisfies(e -> assertThat(((MarathonException) e).getStatus()).isEqualTo(404));
  }

  @Test
  void anInvalidAppComesBackAsTheClientsException() {
    App app = new App();
    app.setId("/compat/Invalid");
    app.setCmd("true");

    assertThatThrownBy(() -> client.createApp(app)).isInstanceOf(MarathonException.class).satisfies(e -> assertThat(((MarathonException) e).getStatus()).isEqualTo(422));
  }
}
