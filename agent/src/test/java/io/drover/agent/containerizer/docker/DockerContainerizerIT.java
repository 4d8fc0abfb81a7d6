package io.drover.agent.containerizer.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import io.drover.agent.containerizer.ContainerId;
import io.drover.agent.containerizer.ContainerLaunch;
import io.drover.agent.containerizer.LaunchException;
import io.drover.agent.containerizer.ResourceUsage;
import io.drover.agent.containerizer.RunningContainer;
import io.drover.agent.containerizer.Termination;
import io.drover.agent.health.HealthProbe;
import io.drover.agent.health.ProbeResult;
import io.drover.core.AgentId;
import io.drover.core.CommandInfo;
import io.drover.core.ContainerInfo;
import io.drover.core.ContainerInfo.PortMapping;
import io.drover.core.FrameworkId;
import io.drover.core.Resources;
import io.drover.core.TaskId;
import io.drover.core.TaskInfo;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Docker containerizer against a real engine, with the busybox test image. */
class DockerContainerizerIT {
  private static final FrameworkId FRAMEWORK = FrameworkId.of("fw-docker");
  private static final AgentId AGENT = AgentId.of("agent-docker");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  /** Serves "hello from httpd" on port 8080 of the container. */
  private static final String HTTPD = "mkdir -p /www && echo hello from httpd > /www/index.html && exec httpd -f -p 8080 -h /www";

  @TempDir Path work;
  private URI host;
  private DockerEngine lookout;
  private DockerClient docker;
  private DockerContainerizer containerizer;

  @BeforeEach
  void start() {
    host = DockerTestEngine.host();
    lookout = DockerEngine.connect(host);
    docker = lookout.client();
    containerizer = newContainerizer(work);
  }

  @AfterEach
  void stop() {
    if (containerizer != null) {
      containerizer.close();
    }
    if (docker != null) {
      for (Container c : docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(DockerRunSpec.OWNER_LABEL, work.toString())).exec()) {
        docker.removeContainerCmd(c.getId()).withForce(true).exec();
      }
      lookout.close();
    }
  }

  private DockerContainerizer newContainerizer(Path workDir) {
    return new DockerContainerizer(DockerEngine.connect(host), new DockerSettings(host, List.of(work.resolve("shared")), false), workDir);
  }

  /** The agent dies: its containerizer stops watching; the containers run on. */
  private void agentDies() {
    containerizer.close();
    containerizer = newContainerizer(work);
  }

  private static TaskInfo task(String id, CommandInfo command, Resources resources, ContainerInfo container, Duration grace) {
    return new TaskInfo(TaskId.of(id), id, AGENT, resources, command, Optional.of(container), Optional.empty(), grace, Map.of());
  }

  private static TaskInfo task(String id, String shell, Resources resources, ContainerInfo container, Duration grace) {
    return task(id, CommandInfo.shell(shell), resources, container, grace);
  }

  private static TaskInfo task(String id, String shell) {
    return task(id, shell, Resources.parse("cpus:0.1;mem:32"), ContainerInfo.docker(DockerTestEngine.image()), Duration.ofSeconds(5));
  }

  private ContainerLaunch launchOf(TaskInfo task) {
    ContainerId id = ContainerId.random();
    return new ContainerLaunch(id, FRAMEWORK, AGENT, task, work.resolve("sandbox-" + id), work.resolve("meta-" + id), "docker-host");
  }

  private RunningContainer launch(ContainerLaunch launch) throws Exception {
    return containerizer.launch(launch).get(60, TimeUnit.SECONDS);
  }

  private static Termination end(RunningContainer container) throws Exception {
    return container.termination().get(60, TimeUnit.SECONDS);
  }

  private InspectContainerResponse inspect(ContainerLaunch launch) {
    return docker.inspectContainerCmd(DockerRunSpec.NAME_PREFIX + launch.containerId()).exec();
  }

  private boolean exists(String nameOrId) {
    try {
      docker.inspectContainerCmd(nameOrId).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String get(int port) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body().strip();
  }

  private static String answer(int port) {
    try {
      return get(port);
    } catch (Exception e) {
      return e.toString();
    }
  }

  private static String read(ContainerLaunch launch, String file) throws Exception {
    return Files.readString(launch.sandbox().resolve(file));
  }

  @Test
  void aContainerServesOnItsMappedHostPortWithItsLimitsEnvironmentAndLabels() throws Exception {
    int port = freePort();
    ContainerInfo container =
        new ContainerInfo(DockerTestEngine.image(), false, List.of(new ContainerInfo.Parameter("label", "team=web")), List.of(new PortMapping(0, 8080, "tcp", "http", Map.of())), List.of());
    TaskInfo info = task("web", HTTPD, Resources.parse("cpus:0.5;mem:64;ports:[" + port + "-" + port + "]"), container, Duration.ofSeconds(5));
    ContainerLaunch launch = launchOf(task("web", CommandInfo.shell(HTTPD).withEnvironment(Map.of("GREETING", "hi")), info.resources(), container, Duration.ofSeconds(5)));

    RunningContainer running = launch(launch);

    await().atMost(Duration.ofSeconds(20)).until(() -> answer(port).equals("200 hello from httpd"));
    InspectContainerResponse inspected = inspect(launch);
    assertThat(inspected.getHostConfig().getCpuShares()).isEqualTo(512);
    assertThat(inspected.getHostConfig().getCpuPeriod()).isEqualTo(100_000L);
    assertThat(inspected.getHostConfig().getCpuQuota()).isEqualTo(50_000L);
    assertThat(inspected.getHostConfig().getMemory()).isEqualTo(64L * 1024 * 1024);
    assertThat(inspected.getHostConfig().getInit()).isTrue();
    assertThat(Arrays.asList(inspected.getConfig().getEnv()))
        .contains("GREETING=hi", "DROVER_TASK_ID=web", "DROVER_FRAMEWORK_ID=fw-docker", "DROVER_AGENT_ID=agent-docker", "PORT0=" + port, "HOST=docker-host");
    assertThat(inspected.getConfig().getLabels())
        .containsEntry(DockerRunSpec.FRAMEWORK_LABEL, "fw-docker")
        .containsEntry(DockerRunSpec.TASK_LABEL, "web")
        .containsEntry(DockerRunSpec.AGENT_LABEL, "agent-docker")
        .containsEntry(DockerRunSpec.CONTAINER_LABEL, launch.containerId().value())
        .containsEntry("team", "web");
    Optional<ResourceUsage> usage = containerizer.usage(launch.containerId());
    assertThat(usage).hasValueSatisfying(u -> {
      assertThat(u.processes()).isGreaterThanOrEqualTo(2); // docker-init and httpd
      assertThat(u.residentBytes()).isPositive();
    });

    containerizer.kill(launch.containerId(), Duration.ofSeconds(10));
    assertThat(end(running).killed()).isTrue();
  }

  @Test
  void outputGoesToTheSandboxAndExitCodesAreReported() throws Exception {
    ContainerLaunch ok = launchOf(task("ok", "echo out-line; echo err-line >&2"));
    ContainerLaunch failing = launchOf(task("failing", "echo broken >&2; exit 3"));

    Termination okEnd = end(launch(ok));
    Termination failingEnd = end(launch(failing));

    assertThat(okEnd).isEqualTo(Termination.exited(0, false));
    assertThat(read(ok, "stdout")).isEqualTo("out-line\n");
    assertThat(read(ok, "stderr")).isEqualTo("err-line\n");
    assertThat(failingEnd).isEqualTo(Termination.exited(3, false));
    assertThat(read(failing, "stderr")).isEqualTo("broken\n");
    assertThat(Files.readString(failing.checkpointDir().resolve("exit_status")).strip()).isEqualTo("3");
    // An ended container is removed.
    assertThat(exists(DockerRunSpec.NAME_PREFIX + ok.containerId())).isFalse();
  }

  @Test
  void aContainerKilledForExceedingItsMemoryLimitSaysSo() throws Exception {
    ContainerLaunch launch = launchOf(task("hungry", "dd if=/dev/zero of=/dev/null bs=64M count=1", Resources.parse("cpus:0.1;mem:16"), ContainerInfo.docker(DockerTestEngine.image()), Duration.ofSeconds(1)));

    Termination termination = end(launch(launch));

    assertThat(termination.exitStatus()).isEqualTo(OptionalInt.of(137));
    assertThat(termination.detail()).isEqualTo("the container ran out of memory");
  }

  @Test
  void anExecProbeRunsInTheContainerWithItsEnvironmentAndIsKilledAtItsTimeout() throws Exception {
    ContainerLaunch launch = launchOf(task("probed", "touch /inside; while true; do sleep 0.1; done"));
    launch(launch);
    HealthProbe inside = containerizer.execProbe(launch, "test -f /inside && [ \"$DROVER_TASK_ID\" = probed ]");
    await().atMost(Duration.ofSeconds(10)).until(() -> inside.probe(Duration.ofSeconds(5)).passed());
    assertThat(containerizer.execProbe(launch, "exit 4").probe(Duration.ofSeconds(5)).detail()).isEqualTo("the check command exited 4");

    ProbeResult overran = containerizer.execProbe(launch, "sleep 37").probe(Duration.ofMillis(500));

    assertThat(overran.passed()).isFalse();
    assertThat(overran.detail()).contains("within 500 ms");
    HealthProbe noSleeper = containerizer.execProbe(launch, "! ps | grep -q '[s]leep 37'");
    await().atMost(Duration.ofSeconds(10)).until(() -> noSleeper.probe(Duration.ofSeconds(5)).passed());
    containerizer.kill(launch.containerId(), Duration.ZERO);
  }

  @Test
  void aKillStopsTheContainerWithTermThenRemovesIt() throws Exception {
    ContainerLaunch launch = launchOf(task("polite", "trap 'echo got TERM; exit 0' TERM; echo ready; while true; do sleep 0.1; done"));
    RunningContainer running = launch(launch);
    await().atMost(Duration.ofSeconds(10)).until(() -> read(launch, "stdout").contains("ready"));

    long started = System.nanoTime();
    containerizer.kill(launch.containerId(), Duration.ofSeconds(20));
    Termination termination = end(running);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(termination).isEqualTo(Termination.exited(0, true));
    assertThat(read(launch, "stdout")).contains("got TERM");
    assertThat(Files.exists(launch.checkpointDir().resolve("kill_requested"))).isTrue();
    assertThat(exists(DockerRunSpec.NAME_PREFIX + launch.containerId())).isFalse();
  }

  @Test
  void aContainerThatIgnoresTermIsKilledAfterTheGracePeriod() throws Exception {
    ContainerLaunch launch = launchOf(task("stubborn", "trap '' TERM; echo ready; while true; do sleep 0.1; done"));
    RunningContainer running = launch(launch);
    await().atMost(Duration.ofSeconds(10)).until(() -> read(launch, "stdout").contains("ready"));

    long started = System.nanoTime();
    containerizer.kill(launch.containerId(), Duration.ofSeconds(1));
    Termination termination = end(running);

    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(1)).isLessThan(Duration.ofSeconds(10));
    assertThat(termination.killed()).isTrue();
    assertThat(termination.exitStatus()).isEqualTo(OptionalInt.of(137));
  }

  @Test
  void aRestartedAgentReadoptsItsRunningContainerWithoutRestartingIt() throws Exception {
    int port = freePort();
    ContainerInfo container = new ContainerInfo(DockerTestEngine.image(), false, List.of(), List.of(new PortMapping(0, 8080, "tcp", "", Map.of())), List.of());
    ContainerLaunch launch =
        launchOf(task("survivor", "echo before; " + HTTPD, Resources.parse("cpus:0.1;mem:32;ports:[" + port + "-" + port + "]"), container, Duration.ofSeconds(5)));
    launch(launch);
    await().atMost(Duration.ofSeconds(20)).until(() -> answer(port).equals("200 hello from httpd"));
    InspectContainerResponse before = inspect(launch);

    agentDies();
    List<RunningContainer> recovered = containerizer.recover(List.of(launch));

    assertThat(recovered).hasSize(1);
    assertThat(recovered.get(0).termination()).isNotDone();
    InspectContainerResponse after = inspect(launch);
    assertThat(after.getId()).isEqualTo(before.getId());
    assertThat(after.getState().getStartedAt()).isEqualTo(before.getState().getStartedAt());
    assertThat(get(port)).isEqualTo("200 hello from httpd");
    assertThat(containerizer.usage(launch.containerId())).isPresent();
    // The output is followed again from the start without writing what the sandbox already holds.
    docker.execStartCmd(docker.execCreateCmd(after.getId()).withCmd("sh", "-c", "echo after > /proc/1/fd/1").exec().getId()).start().awaitCompletion(10, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(10)).until(() -> read(launch, "stdout").equals("before\nafter\n"));

    containerizer.kill(launch.containerId(), Duration.ofSeconds(5));
    assertThat(end(recovered.get(0)).killed()).isTrue();
  }

  @Test
  void aContainerThatEndedWhileTheAgentWasDownGetsItsExitCodeAndOutput() throws Exception {
    ContainerLaunch launch = launchOf(task("brief", "echo started; while [ ! -f /tmp/go ]; do sleep 0.1; done; echo finishing >&2; exit 4"));
    launch(launch);
    await().atMost(Duration.ofSeconds(10)).until(() -> read(launch, "stdout").contains("started"));

    agentDies();
    String id = inspect(launch).getId();
    docker.execStartCmd(docker.execCreateCmd(id).withCmd("touch", "/tmp/go").exec().getId()).start().awaitCompletion(10, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(10)).until(() -> !Boolean.TRUE.equals(docker.inspectContainerCmd(id).exec().getState().getRunning()));
    List<RunningContainer> recovered = containerizer.recover(List.of(launch));

    assertThat(end(recovered.get(0))).isEqualTo(Termination.exited(4, false));
    assertThat(read(launch, "stdout")).isEqualTo("started\n");
    assertThat(read(launch, "stderr")).isEqualTo("finishing\n");
    assertThat(exists(id)).isFalse();
  }

  @Test
  void aRunWhoseContainerIsGoneEndsWithItsCheckpointedExitStatusOrWithoutOne() throws Exception {
    ContainerLaunch ended = launchOf(task("ended", "exit 6"));
    assertThat(end(launch(ended))).isEqualTo(Termination.exited(6, false));
    ContainerLaunch neverStarted = launchOf(task("never", "true"));

    agentDies();
    List<RunningContainer> recovered = containerizer.recover(List.of(ended, neverStarted));

    assertThat(end(recovered.get(0))).isEqualTo(Termination.exited(6, false));
    Termination none = end(recovered.get(1));
    assertThat(none.exitStatus()).isEmpty();
    assertThat(none.detail()).contains("container is gone");
  }

  @Test
  void aContainerCreatedButNeverStartedBeforeTheAgentDiedIsRemovedAndTheRunEndsSayingSo() throws Exception {
    ContainerLaunch launch = launchOf(task("unstarted", "true"));
    // What the agent had done when it died between creating the container and starting it.
    String id =
        docker
            .createContainerCmd(DockerTestEngine.image())
            .withName(DockerRunSpec.NAME_PREFIX + launch.containerId())
            .withLabels(Map.of(DockerRunSpec.OWNER_LABEL, work.toString(), DockerRunSpec.CONTAINER_LABEL, launch.containerId().value()))
            .withCmd("true")
            .exec()
            .getId();
    Files.createDirectories(launch.sandbox());

    Termination termination = end(containerizer.recover(List.of(launch)).get(0));

    assertThat(termination.exitStatus()).isEmpty();
    assertThat(termination.detail()).isEqualTo("the agent stopped before the task's container was started");
    assertThat(exists(id)).isFalse();
  }

  @Test
  void recoveryStopsAndRemovesOrphansButLeavesOtherAgentsContainersAlone() throws Exception {
    ContainerLaunch orphan = launchOf(task("orphan", "trap 'exit 0' TERM; while true; do sleep 0.1; done"));
    launch(orphan);
    Path otherWork = work.resolve("other-agent");
    DockerContainerizer otherAgent = newContainerizer(otherWork);
    ContainerLaunch others = launchOf(task("theirs", "trap 'exit 0' TERM; while true; do sleep 0.1; done"));
    String othersId;
    try {
      otherAgent.launch(others).get(60, TimeUnit.SECONDS);
      othersId = inspect(others).getId();
    } finally {
      otherAgent.close();
    }
    String orphanId = inspect(orphan).getId();

    agentDies();
    List<RunningContainer> recovered = containerizer.recover(List.of());

    assertThat(recovered).isEmpty();
    await().atMost(Duration.ofSeconds(20)).until(() -> !exists(orphanId));
    assertThat(docker.inspectContainerCmd(othersId).exec().getState().getRunning()).isTrue();
    docker.removeContainerCmd(othersId).withForce(true).exec();
  }

  @Test
  void volumesBindTheSandboxAndAllowedHostDirectories() throws Exception {
    Path shared = Files.createDirectories(work.resolve("shared"));
    Files.writeString(shared.resolve("config.txt"), "from the host\n");
    ContainerInfo container =
        new ContainerInfo(
            DockerTestEngine.image(),
            false,
            List.of(),
            List.of(),
            List.of(new ContainerInfo.Volume("data", "/data", false), new ContainerInfo.Volume(shared.toString(), "/config", true)));
    ContainerLaunch launch =
        launchOf(task("volumes", "cat /config/config.txt; echo written > /data/out.txt; touch /config/nope && exit 9; exit 0", Resources.parse("cpus:0.1;mem:32"), container, Duration.ofSeconds(5)));

    Termination termination = end(launch(launch));

    assertThat(termination).isEqualTo(Termination.exited(0, false));
    assertThat(read(launch, "stdout")).isEqualTo("from the host\n");
    assertThat(Files.readString(launch.sandbox().resolve("data/out.txt"))).isEqualTo("written\n");
    assertThat(read(launch, "stderr")).contains("Read-only file system");
  }

  @Test
  void anImageThatIsNeitherHereNorPullableFailsTheLaunchWithThePullsError() {
    ContainerLaunch launch = launchOf(task("ghost", "true", Resources.parse("cpus:0.1;mem:32"), ContainerInfo.docker(DockerTestEngine.MISSING_IMAGE), Duration.ofSeconds(1)));

    assertThatThrownBy(() -> launch(launch))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(LaunchException.class)
        .hasMessageStartingWith("cannot pull image " + DockerTestEngine.MISSING_IMAGE + ": ");
  }

  @Test
  void aForcedPullIsTriedEvenWhenTheImageIsHere() {
    // The test image, named under a loopback registry that does not answer.
    String local = DockerTestEngine.UNREACHABLE_REGISTRY + "/drover-test/busybox";
    docker.tagImageCmd(DockerTestEngine.image(), local, "forced").exec();
    String image = local + ":forced";
    ContainerLaunch launch = launchOf(task("fresh", "true", Resources.parse("cpus:0.1;mem:32"), new ContainerInfo(image, true, List.of(), List.of(), List.of()), Duration.ofSeconds(1)));

    // The image is here but the pull is still tried, and fails: nothing answers at that registry.
    assertThatThrownBy(() -> launch(launch)).cause().isInstanceOf(LaunchException.class).hasMessageStartingWith("cannot pull image " + image + ": ");
  }

  @Test
  void anEmptyCommandRunsTheImagesOwnWhichTheTestImageLacks() {
    ContainerLaunch launch = launchOf(task("nothing", new CommandInfo("", List.of(), false, Map.of()), Resources.parse("cpus:0.1;mem:32"), ContainerInfo.docker(DockerTestEngine.image()), Duration.ofSeconds(1)));

    assertThatThrownBy(() -> launch(launch)).cause().isInstanceOf(LaunchException.class).hasMessageStartingWith("cannot create a container of image " + DockerTestEngine.image() + ": ");
    assertThat(exists(DockerRunSpec.NAME_PREFIX + launch.containerId())).isFalse();
  }

  @Test
  void anArgvCommandRunsWithoutAShellAndAMissingProgramEndsTheTaskWithTheReason() throws Exception {
    ContainerLaunch echo = launchOf(task("argv", new CommandInfo("", List.of("echo", "a  b", "$HOME"), false, Map.of()), Resources.parse("cpus:0.1;mem:32"), ContainerInfo.docker(DockerTestEngine.image()), Duration.ofSeconds(1)));
    ContainerLaunch missing = launchOf(task("missing", new CommandInfo("/no/such/program", List.of(), false, Map.of()), Resources.parse("cpus:0.1;mem:32"), ContainerInfo.docker(DockerTestEngine.image()), Duration.ofSeconds(1)));

    assertThat(end(launch(echo))).isEqualTo(Termination.exited(0, false));
    assertThat(read(echo, "stdout")).isEqualTo("a  b $HOME\n");
    Termination termination = end(launch(missing));
    assertThat(termination.exitStatus()).isEqualTo(OptionalInt.of(127));
    assertThat(read(missing, "stderr")).contains("/no/such/program");
  }

  @Test
  void labelsFindEveryContainerOfTheAgent() throws Exception {
    List<ContainerLaunch> launches = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ContainerLaunch l = launchOf(task("many-" + i, "trap 'exit 0' TERM; while true; do sleep 0.1; done"));
      launch(l);
      launches.add(l);
    }

    agentDies();
    List<RunningContainer> recovered = containerizer.recover(launches);

    assertThat(recovered).extracting(RunningContainer::id).containsExactlyElementsOf(launches.stream().map(ContainerLaunch::containerId).toList());
    assertThat(recovered).allSatisfy(r -> assertThat(r.termination()).isNotDone());
    launches.forEach(l -> containerizer.kill(l.containerId(), Duration.ofSeconds(5)));
    for (RunningContainer r : recovered) {
      assertThat(end(r).killed()).isTrue();
    }
  }
}
