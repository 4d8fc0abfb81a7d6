package io.drover.agent;

import static io.drover.agent.AgentCluster.ack;
import static io.drover.agent.AgentCluster.kill;
import static io.drover.agent.AgentCluster.of;
import static io.drover.agent.AgentCluster.registered;
import static io.drover.agent.AgentCluster.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import io.drover.agent.checkpoint.AtomicFiles;
import io.drover.agent.containerizer.docker.DockerEngine;
import io.drover.agent.containerizer.docker.DockerSettings;
import io.drover.agent.containerizer.docker.DockerTestEngine;
import io.drover.core.AgentInfo;
import io.drover.core.CommandInfo;
import io.drover.core.ContainerInfo;
import io.drover.core.ContainerInfo.Parameter;
import io.drover.core.ContainerInfo.PortMapping;
import io.drover.core.ContainerInfo.Volume;
import io.drover.core.HealthCheck;
import io.drover.core.Resources;
import io.drover.core.TaskId;
import io.drover.core.TaskInfo;
import io.drover.protocol.FromProto;
import io.drover.protocol.v1.AgentStatusUpdate;
import io.drover.protocol.v1.RegisterAgent;
import io.drover.protocol.v1.TaskState;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole agent running Docker tasks on a real engine for a fake master, across agent restarts. */
class AgentDockerIT {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The agent's ports, which Docker tasks map container ports to. */
  private static final String PORTS = "[31100-31104]";
  private static final String HTTPD = "echo starting; mkdir -p /www && echo hello from httpd > /www/index.html && exec httpd -f -p 8080 -h /www";

  @TempDir Path work;
  private AgentCluster cluster;
  private DockerEngine lookout;

  @BeforeEach
  void start() throws Exception {
    cluster = new AgentCluster(work);
  }

  @AfterEach
  void stop() throws Exception {
    cluster.close();
    if (lookout != null) {
      DockerClient docker = DockerTestEngine.client(lookout);
      for (Container c : docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of("io.drover.agent-work-dir", work.toString())).exec()) {
        docker.removeContainerCmd(c.getId()).withForce(true).exec();
      }
      lookout.close();
    }
  }

  /** An agent with the test engine; volumes may come from {@code work/shared}. */
  private Agent dockerAgent() throws Exception {
    URI host = DockerTestEngine.host();
    if (lookout == null) {
      lookout = DockerEngine.connect(host);
    }
    return cluster.start(
        cluster
            .config()
            .withResources(AgentConfig.parseResources("cpus:2;mem:512;disk:1000;ports:" + PORTS))
            .withDocker(new DockerSettings(host, List.of(work.resolve("shared")), false)));
  }

  private DockerClient docker() {
    return DockerTestEngine.client(lookout);
  }

  private static TaskInfo dockerTask(String id, CommandInfo command, String resources, ContainerInfo container) {
    return new TaskInfo(TaskId.of(id), id, Tasks.AGENT, Resources.parse(resources), command, Optional.of(container), Optional.empty(), Duration.ofSeconds(5), Map.of());
  }

  private static TaskInfo dockerTask(String id, String shell) {
    return dockerTask(id, CommandInfo.shell(shell), "cpus:0.1;mem:32", ContainerInfo.docker(DockerTestEngine.image()));
  }

  private static TaskInfo httpd(String id, int hostPort) {
    ContainerInfo container = new ContainerInfo(DockerTestEngine.image(), false, List.of(), List.of(new PortMapping(0, 8080, "tcp", "http", Map.of())), List.of());
    return dockerTask(id, CommandInfo.shell(HTTPD), "cpus:0.2;mem:32;ports:[" + hostPort + "-" + hostPort + "]", container);
  }

  private static FakeMaster registeredWith(AgentCluster cluster, Agent agent) throws Exception {
    FakeMaster master = cluster.leader("m1");
    master.awaitRegistration(1);
    master.send(registered("agent-1"));
    await().until(() -> agent.state().registered());
    return master;
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String answer(int port) {
    try {
      HttpResponse<String> r = get("http://127.0.0.1:" + port + "/");
      return r.statusCode() + " " + r.body().strip();
    } catch (Exception e) {
      return e.toString();
    }
  }

  private InspectContainerResponse containerOf(String taskId) {
    List<Container> found = docker().listContainersCmd().withShowAll(true).withLabelFilter(Map.of("io.drover.task-id", taskId, "io.drover.agent-work-dir", work.toString())).exec();
    assertThat(found).hasSize(1);
    return docker().inspectContainerCmd(found.get(0).getId()).exec();
  }

  private boolean exists(String dockerId) {
    try {
      docker().inspectContainerCmd(dockerId).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  @Test
  void anAgentWithAnEngineAdvertisesDockerAndRunsADockerTaskLikeACommandTask() throws Exception {
    Agent agent = dockerAgent();
    FakeMaster master = registeredWith(cluster, agent);
    AgentInfo info = FromProto.agentInfo(master.registrations().get(0).getInfo());
    assertThat(info.capabilities()).containsExactly(AgentInfo.CAPABILITY_DOCKER);
    assertThat(info.attributes().get("docker")).isPresent();
    assertThat(info.attributes().get("rack")).contains("r1");

    master.send(run(httpd("web", 31100)));

    AgentStatusUpdate starting = master.awaitUpdate(of("web", TaskState.TASK_STARTING));
    assertThat(starting.getStatus().getMessage()).contains(DockerTestEngine.image());
    master.send(ack(starting));
    master.send(ack(master.awaitUpdate(of("web", TaskState.TASK_RUNNING))));
    await().atMost(Duration.ofSeconds(20)).until(() -> answer(31100).equals("200 hello from httpd"));
    // The sandbox API serves the container's output like a command task's.
    String sandbox = agent.state().tasks().get(0).sandbox().orElseThrow();
    String base = "http://127.0.0.1:" + agent.httpPort();
    await().until(() -> JSON.readTree(get(base + "/files/read?path=" + URLEncoder.encode(sandbox + "/stdout", StandardCharsets.UTF_8)).body()).get("data").asText().equals("starting\n"));
    // /state shows what the running container uses.
    JsonNode task = JSON.readTree(get(base + "/state").body()).get("tasks").get(0);
    assertThat(task.get("id").asText()).isEqualTo("web");
    assertThat(task.get("usage").get("processes").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(task.get("usage").get("residentBytes").asLong()).isPositive();
    String dockerId = containerOf("web").getId();

    master.send(kill("web"));

    AgentStatusUpdate killed = master.awaitUpdate(of("web", TaskState.TASK_KILLED));
    assertThat(killed.getStatus().getMessage()).isEqualTo("Task killed");
    assertThat(exists(dockerId)).isFalse();
    assertThat(master.updates(u -> u.getStatus().getTaskId().equals("web")).stream().map(u -> u.getStatus().getState()).distinct())
        .containsExactly(TaskState.TASK_STARTING, TaskState.TASK_RUNNING, TaskState.TASK_KILLED);
  }

  @Test
  void exitCodesBecomeTerminalStatesWithTheExitCodeAndStderrInTheMessage() throws Exception {
    Agent agent = dockerAgent();
    FakeMaster master = registeredWith(cluster, agent);

    master.send(run(dockerTask("fine", "echo done")));
    master.send(run(dockerTask("broken", "echo first problem >&2; echo second problem >&2; exit 3")));

    master.send(ack(master.awaitUpdate(of("fine", TaskState.TASK_STARTING))));
    master.send(ack(master.awaitUpdate(of("fine", TaskState.TASK_RUNNING))));
    assertThat(master.awaitUpdate(of("fine", TaskState.TASK_FINISHED)).getStatus().getMessage()).isEqualTo("Command exited with status 0");
    master.send(ack(master.awaitUpdate(of("broken", TaskState.TASK_STARTING))));
    master.send(ack(master.awaitUpdate(of("broken", TaskState.TASK_RUNNING))));
    assertThat(master.awaitUpdate(of("broken", TaskState.TASK_FAILED)).getStatus().getMessage())
        .isEqualTo("Command exited with status 3; last lines of stderr:\nfirst problem\nsecond problem");
  }

  @Test
  void aRestartedAgentReadoptsItsRunningContainerAndRemovesOrphans() throws Exception {
    Agent agent = dockerAgent();
    FakeMaster master = registeredWith(cluster, agent);
    master.send(run(httpd("survivor", 31101)));
    master.send(run(dockerTask("forgotten", "trap 'exit 0' TERM; while true; do sleep 0.1; done")));
    master.send(ack(master.awaitUpdate(of("survivor", TaskState.TASK_STARTING))));
    master.send(ack(master.awaitUpdate(of("survivor", TaskState.TASK_RUNNING))));
    master.send(ack(master.awaitUpdate(of("forgotten", TaskState.TASK_STARTING))));
    master.send(ack(master.awaitUpdate(of("forgotten", TaskState.TASK_RUNNING))));
    await().atMost(Duration.ofSeconds(20)).until(() -> answer(31101).equals("200 hello from httpd"));
    InspectContainerResponse before = containerOf("survivor");
    String orphanId = containerOf("forgotten").getId();

    agent.stop();
    // The agent's record of one task is lost: its container is an orphan now.
    AtomicFiles.deleteTree(work.resolve("meta/frameworks/fw-1/tasks/forgotten"));
    int registrations = master.registrations().size();
    Agent restarted = dockerAgent();

    RegisterAgent again = master.awaitRegistration(registrations + 1);
    assertThat(again.getTasksList()).extracting(t -> t.getTask().getTaskId()).containsExactly("survivor");
    assertThat(again.getTasks(0).getState()).isEqualTo(TaskState.TASK_RUNNING);
    master.send(registered("agent-1"));
    await().until(() -> restarted.state().registered());
    InspectContainerResponse after = containerOf("survivor");
    assertThat(after.getId()).isEqualTo(before.getId());
    assertThat(after.getState().getStartedAt()).isEqualTo(before.getState().getStartedAt());
    assertThat(answer(31101)).isEqualTo("200 hello from httpd");
    await().atMost(Duration.ofSeconds(20)).until(() -> !exists(orphanId));

    master.send(kill("survivor"));
    master.awaitUpdate(of("survivor", TaskState.TASK_KILLED));
  }

  @Test
  void aContainerThatExitedWhileTheAgentWasDownGetsItsTerminalUpdate() throws Exception {
    Agent agent = dockerAgent();
    FakeMaster master = registeredWith(cluster, agent);
    master.send(run(dockerTask("short", "while [ ! -f /tmp/go ]; do sleep 0.1; done; echo bye >&2; exit 5")));
    master.send(ack(master.awaitUpdate(of("short", TaskState.TASK_STARTING))));
    master.send(ack(master.awaitUpdate(of("short", TaskState.TASK_RUNNING))));
    String dockerId = containerOf("short").getId();

    agent.stop();
    docker().execStartCmd(docker().execCreateCmd(dockerId).withCmd("touch", "/tmp/go").exec().getId()).start().awaitCompletion();
    await().atMost(Duration.ofSeconds(10)).until(() -> !Boolean.TRUE.equals(docker().inspectContainerCmd(dockerId).exec().getState().getRunning()));
    int registrations = master.registrations().size();
    dockerAgent();
    master.awaitRegistration(registrations + 1);
    master.send(registered("agent-1"));

    assertThat(master.awaitUpdate(of("short", TaskState.TASK_FAILED)).getStatus().getMessage()).isEqualTo("Command exited with status 5; last lines of stderr:\nbye");
    await().atMost(Duration.ofSeconds(10)).until(() -> !exists(dockerId));
  }

  @Test
  void aDockerTasksHttpHealthCheckProbesItsMappedHostPort() throws Exception {
    Agent agent = dockerAgent();
    FakeMaster master = registeredWith(cluster, agent);
    TaskInfo web = httpd("checked-web", 31104);
    HealthCheck check = new HealthCheck(HealthCheck.Protocol.HTTP, "/index.html", 0, "", Duration.ofSeconds(30), Duration.ofMillis(200), Duration.ofSeconds(2), 1);

    master.send(run(new TaskInfo(web.id(), web.name(), web.agentId(), web.resources(), web.command(), web.container(), Optional.of(check), web.killGracePeriod(), web.labels())));
    master.send(ack(master.awaitUpdate(of("checked-web", TaskState.TASK_STARTING))));
    master.send(ack(master.awaitUpdate(of("checked-web", TaskState.TASK_RUNNING))));

    AgentStatusUpdate healthy = master.awaitUpdate(u -> u.getStatus().getTaskId().equals("checked-web") && u.getStatus().hasHealthy());
    assertThat(healthy.getStatus().getHealthy()).isTrue();
    assertThat(healthy.getStatus().getState()).isEqualTo(TaskState.TASK_RUNNING);
    assertThat(healthy.getStatus().getMessage()).contains("127.0.0.1:31104/index.html", "200");
    master.send(ack(healthy));

    master.send(kill("checked-web"));
    master.awaitUpdate(of("checked-web", TaskState.TASK_KILLED));
  }

  @Test
  void aDockerTasksCommandHealthCheckRunsInItsContainer() throws Exception {
    Agent agent = dockerAgent();
    FakeMaster master = registeredWith(cluster, agent);
    // /healthy exists only in the container, and only for its first seconds.
    TaskInfo task = dockerTask("checked-box", "touch /healthy; sleep 3; rm /healthy; while true; do sleep 0.1; done");
    HealthCheck check =
        new HealthCheck(HealthCheck.Protocol.COMMAND, null, 0, "test -f /healthy && [ \"$DROVER_TASK_ID\" = checked-box ]", Duration.ofSeconds(30), Duration.ofMillis(200), Duration.ofSeconds(5), 1);

    master.send(run(new TaskInfo(task.id(), task.name(), task.agentId(), task.resources(), task.command(), task.container(), Optional.of(check), task.killGracePeriod(), task.labels())));
    master.send(ack(master.awaitUpdate(of("checked-box", TaskState.TASK_STARTING))));
    master.send(ack(master.awaitUpdate(of("checked-box", TaskState.TASK_RUNNING))));

    AgentStatusUpdate healthy = master.awaitUpdate(u -> u.getStatus().getTaskId().equals("checked-box") && u.getStatus().hasHealthy());
    assertThat(healthy.getStatus().getHealthy()).isTrue();
    master.send(ack(healthy));
    AgentStatusUpdate unhealthy = master.awaitUpdate(u -> u.getStatus().getTaskId().equals("checked-box") && u.getStatus().hasHealthy() && !u.getStatus().getHealthy());
    assertThat(unhealthy.getStatus().getMessage()).isEqualTo("the check command exited 1");
    master.send(ack(unhealthy));

    master.send(kill("checked-box"));
    master.awaitUpdate(of("checked-box", TaskState.TASK_KILLED));
  }

  @Test
  void badDockerTasksAreRefusedWithTheirReasons() throws Exception {
    Agent agent = dockerAgent();
    FakeMaster master = registeredWith(cluster, agent);
    Files.createDirectories(work.resolve("shared"));
    String image = DockerTestEngine.image();
    CommandInfo sh = CommandInfo.shell("true");

    master.send(run(dockerTask("bad-image", sh, "cpus:0.1;mem:32", ContainerInfo.docker("Bad Image!"))));
    master.send(run(dockerTask("bad-port", sh, "cpus:0.1;mem:32;ports:[31102-31102]", new ContainerInfo(image, false, List.of(), List.of(new PortMapping(0, 70000, "tcp", "", Map.of())), List.of()))));
    master.send(
        run(
            dockerTask(
                "many-ports",
                sh,
                "cpus:0.1;mem:32;ports:[31102-31102]",
                new ContainerInfo(image, false, List.of(), List.of(new PortMapping(0, 80, "tcp", "", Map.of()), new PortMapping(0, 81, "tcp", "", Map.of())), List.of()))));
    master.send(run(dockerTask("missing-volume", sh, "cpus:0.1;mem:32", new ContainerInfo(image, false, List.of(), List.of(), List.of(new Volume(work.resolve("shared/nope").toString(), "/v", true))))));
    master.send(run(dockerTask("escaping-volume", sh, "cpus:0.1;mem:32", new ContainerInfo(image, false, List.of(), List.of(), List.of(new Volume(work.resolve("shared/../meta").toString(), "/v", true))))));
    master.send(run(dockerTask("privileged", sh, "cpus:0.1;mem:32", new ContainerInfo(image, false, List.of(new Parameter("privileged", "true")), List.of(), List.of()))));
    master.send(run(dockerTask("ghost", sh, "cpus:0.1;mem:32", ContainerInfo.docker(DockerTestEngine.MISSING_IMAGE))));

    assertThat(master.awaitUpdate(of("bad-image", TaskState.TASK_ERROR)).getStatus().getMessage()).startsWith("image name 'Bad Image!' is invalid");
    assertThat(master.awaitUpdate(of("bad-port", TaskState.TASK_ERROR)).getStatus().getMessage()).contains("container port 70000 is out of range");
    assertThat(master.awaitUpdate(of("many-ports", TaskState.TASK_ERROR)).getStatus().getMessage()).contains("ask for 2 host port(s) but the task has 1");
    assertThat(master.awaitUpdate(of("missing-volume", TaskState.TASK_ERROR)).getStatus().getMessage()).contains("does not exist");
    assertThat(master.awaitUpdate(of("escaping-volume", TaskState.TASK_ERROR)).getStatus().getMessage()).contains("outside the agent's volume roots");
    assertThat(master.awaitUpdate(of("privileged", TaskState.TASK_ERROR)).getStatus().getMessage()).contains("does not run privileged containers");
    master.send(ack(master.awaitUpdate(of("ghost", TaskState.TASK_STARTING))));
    assertThat(master.awaitUpdate(of("ghost", TaskState.TASK_FAILED)).getStatus().getMessage()).startsWith("cannot pull image " + DockerTestEngine.MISSING_IMAGE + ": ");
  }

  @Test
  void anAgentWithoutAnEngineRunsNoDockerTasksAndSaysWhy() throws Exception {
    Agent agent = cluster.start(cluster.config().withDocker(AgentCluster.NO_DOCKER));
    FakeMaster master = registeredWith(cluster, agent);
    AgentInfo info = FromProto.agentInfo(master.registrations().get(0).getInfo());
    assertThat(info.capabilities()).isEmpty();
    assertThat(info.attributes().get("docker")).isEmpty();

    master.send(run(dockerTask("boxed", "true")));

    assertThat(master.awaitUpdate(of("boxed", TaskState.TASK_FAILED)).getStatus().getMessage())
        .isEqualTo("agent has no docker containerizer: no Docker engine answered when it started");
  }
}
