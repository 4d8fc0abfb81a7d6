package io.drover.benchmarks.docker;

import io.drover.agent.Agent;
import io.drover.agent.AgentConfig;
import io.drover.agent.containerizer.docker.DockerSettings;
import io.drover.core.AgentId;
import io.drover.core.CommandInfo;
import io.drover.core.ContainerInfo;
import io.drover.core.FrameworkId;
import io.drover.core.FrameworkInfo;
import io.drover.core.Resources;
import io.drover.core.TaskId;
import io.drover.core.TaskInfo;
import io.drover.protocol.ToProto;
import io.drover.protocol.net.MasterDetector;
import io.drover.protocol.net.MasterInfoJson;
import io.drover.protocol.net.ProtocolOptions;
import io.drover.protocol.net.ZkUrl;
import io.drover.protocol.v1.AgentEvent;
import io.drover.protocol.v1.KillTask;
import io.drover.protocol.v1.RunTask;
import io.drover.protocol.v1.TaskState;
import io.drover.testing.EmbeddedZooKeeper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;

/**
 * How long a Drover agent takes from {@code RunTask} to {@code TASK_RUNNING} for a busybox container,
 * against {@code docker run -d} of the same image and command on the same engine, launch by launch in
 * turn (so that a drift of the engine or the machine touches all three alike). The agent runs for a
 * master reduced to its wire that acknowledges every update at once, so the time includes the agent's
 * checkpoints, its TASK_STARTING update and that update's acknowledgement.
 *
 * <pre>
 * DOCKER_HOST=unix:///... java -cp benchmarks/target/benchmarks.jar io.drover.benchmarks.docker.DockerLaunchBenchmark [--launches 20] [--image drover-test/busybox:1]
 * </pre>
 */
public final class DockerLaunchBenchmark {
  private static final int WARMUP = 3;
  private static final String COMMAND = "sleep 3600";
  private static final FrameworkInfo FRAMEWORK = FrameworkInfo.named("bench").withId(FrameworkId.of("bench-fw"));
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private DockerLaunchBenchmark() {}

  public static void main(String[] args) throws Exception {
    int launches = 20;
    String image = Optional.ofNullable(System.getenv("DROVER_TEST_IMAGE")).orElse("drover-test/busybox:1");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--launches" -> launches = Integer.parseInt(args[++i]);
        case "--image" -> image = args[++i];
        default -> {
          System.err.println("usage: DockerLaunchBenchmark [--launches N] [--image IMAGE]   (the engine: DOCKER_HOST)");
          System.exit(2);
        }
      }
    }
    String dockerHost = System.getenv("DOCKER_HOST");
    if (dockerHost == null || dockerHost.isBlank()) {
      System.err.println("DOCKER_HOST must name the engine (eval \"$(scripts/docker-test-engine.sh start)\" starts one)");
      System.exit(2);
    }
    Path work = Files.createTempDirectory("drover-docker-bench");
    List<Double> plain = new ArrayList<>();
    List<Double> sameOptions = new ArrayList<>();
    List<Double> drover = new ArrayList<>();
    try (DroverSide agent = new DroverSide(work, DockerSettings.parseHost(dockerHost), image)) {
      for (int i = 0; i < WARMUP + launches; i++) {
        double p = dockerRun(List.of(image, "/bin/sh", "-c", COMMAND));
        double s = dockerRun(List.of("--init", "--cpu-shares", "102", "--cpu-period", "100000", "--cpu-quota", "10000", "-m", "32m", "--log-driver", "json-file", "--label", "io.drover.bench=1", image, "/bin/sh", "-c", COMMAND));
        double d = agent.launch("task-" + i);
        if (i >= WARMUP) {
          plain.add(p);
          sameOptions.add(s);
          drover.add(d);
        }
      }
    }
    System.out.printf("Launch to running, %d launches each after %d warm-up ones; image %s on %s%n", launches, WARMUP, image, dockerHost);
    System.out.printf("%-48s %8s %8s %8s %8s %8s   (ms)%n", "", "median", "mean", "p90", "min", "max");
    print("docker run -d (plain)", plain);
    print("docker run -d --init with the agent's limits", sameOptions);
    print("Drover agent: RunTask -> TASK_RUNNING", drover);
    System.out.printf(
        "ratio Drover / plain docker run -d: %.2f of medians, %.2f of means, %.2f median of the launch-by-launch ratios%n",
        median(drover) / median(plain),
        mean(drover) / mean(plain),
        median(ratios(drover, plain)));
    System.out.printf(
        "ratio Drover / docker run -d with the agent's options: %.2f of medians, %.2f of means, %.2f median of the launch-by-launch ratios%n",
        median(drover) / median(sameOptions),
        mean(drover) / mean(sameOptions),
        median(ratios(drover, sameOptions)));
  }

  /** Times one {@code docker run -d} (the CLI's whole run), then removes the container untimed. */
  private static double dockerRun(List<String> runArgs) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of("docker", "run", "-d"));
    argv.addAll(runArgs);
    long start = System.nanoTime();
    Process run = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!run.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS) || run.exitValue() != 0) {
      throw new IllegalStateException("docker run failed: " + out);
    }
    double millis = (System.nanoTime() - start) / 1e6;
    String id = out.lines().reduce((a, b) -> b).orElseThrow();
    new ProcessBuilder("docker", "rm", "-f", id).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    return millis;
  }

  /** A real agent with the Docker containerizer, registered with a {@link WireMaster} through real ZooKeeper. */
  private static final class DroverSide implements AutoCloseable {
    private final EmbeddedZooKeeper zookeeper;
    private final CuratorFramework curator;
    private final WireMaster master;
    private final Agent agent;
    private final String image;

    DroverSide(Path work, java.net.URI dockerHost, String image) throws Exception {
      this.image = image;
      zookeeper = EmbeddedZooKeeper.start();
      ZkUrl zk = ZkUrl.parse(zookeeper.url("/drover"));
      curator = zookeeper.newClient();
      ProtocolOptions protocol = ProtocolOptions.DEFAULTS;
      master = new WireMaster(protocol);
      curator.create().creatingParentsIfNeeded().withMode(CreateMode.EPHEMERAL).forPath(MasterDetector.leaderPath(zk), MasterInfoJson.write(master.info));
      AgentConfig config =
          AgentConfig.defaults(work, zk)
              .withHostname("bench-agent")
              .withHttp("127.0.0.1", 0)
              .withResources(AgentConfig.parseResources("cpus:8;mem:8192;disk:10000;ports:[31000-32000]"))
              .withDocker(DockerSettings.defaults(Map.of()).withHost(dockerHost));
      agent = new Agent(config, Clock.systemUTC());
      agent.start();
      master.registered().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (!agent.state().info().capabilities().contains("docker")) {
        throw new IllegalStateException("the agent found no Docker engine at " + dockerHost);
      }
    }

    /** Times RunTask -> TASK_RUNNING, then kills the task untimed. */
    double launch(String taskId) throws Exception {
      TaskInfo task =
          new TaskInfo(
              TaskId.of(taskId),
              taskId,
              AgentId.of("agent-1"),
              Resources.parse("cpus:0.1;mem:32"),
              CommandInfo.shell(COMMAND),
              Optional.of(ContainerInfo.docker(image)),
              Optional.empty(),
              Duration.ZERO,
              Map.of());
      CompletableFuture<?> running = master.await(taskId, TaskState.TASK_RUNNING);
      CompletableFuture<?> failed = master.await(taskId, TaskState.TASK_FAILED);
      long start = System.nanoTime();
      master.send(AgentEvent.newBuilder().setRunTask(RunTask.newBuilder().setFramework(ToProto.frameworkInfo(FRAMEWORK)).setTask(ToProto.taskInfo(task))).build());
      CompletableFuture.anyOf(running, failed).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      double millis = (System.nanoTime() - start) / 1e6;
      if (failed.isDone()) {
        throw new IllegalStateException("task " + taskId + " failed: " + failed.get());
      }
      CompletableFuture<?> killed = master.await(taskId, TaskState.TASK_KILLED);
      master.send(AgentEvent.newBuilder().setKillTask(KillTask.newBuilder().setFrameworkId(FRAMEWORK.id().orElseThrow().value()).setTaskId(taskId)).build());
      killed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      return millis;
    }

    @Override
    public void close() {
      agent.close();
      master.close();
      curator.close();
      zookeeper.close();
    }
  }

  private static void print(String what, List<Double> millis) {
    double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    System.out.printf(
        "%-48s %8.1f %8.1f %8.1f %8.1f %8.1f%n", what, median(millis), mean(millis), sorted[(int) Math.ceil(0.9 * sorted.length) - 1], sorted[0], sorted[sorted.length - 1]);
  }

  /** Each Drover launch against the docker run just before it: robust to the machine's drift. */
  private static List<Double> ratios(List<Double> drover, List<Double> docker) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < drover.size(); i++) {
      out.add(drover.get(i) / docker.get(i));
    }
    return out;
  }

  private static double median(List<Double> millis) {
    double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double mean(List<Double> millis) {
    return Arrays.stream(millis.stream().mapToDouble(Double::doubleValue).toArray()).average().orElse(Double.NaN);
  }
}
