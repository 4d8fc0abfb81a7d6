package io.drover.benchmarks.marathon;

import io.drover.core.AgentId;
import io.drover.core.Attributes;
import io.drover.core.StatusSource;
import io.drover.core.TaskState;
import io.drover.core.TaskStatus;
import io.drover.core.TaskStatusReason;
import io.drover.marathon.api.ClusterDirectory;
import io.drover.marathon.api.InstanceControl;
import io.drover.marathon.api.LeaderControl;
import io.drover.marathon.api.MarathonHttpServer;
import io.drover.marathon.api.ServerInfo;
import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.app.PathId;
import io.drover.marathon.app.TaskFailure;
import io.drover.marathon.app.VersionInfo;
import io.drover.marathon.deployment.Deployment;
import io.drover.marathon.deployment.DeploymentExecutor;
import io.drover.marathon.deployment.DeploymentManager;
import io.drover.marathon.deployment.DeploymentProgress;
import io.drover.marathon.deployment.StateRepository;
import io.drover.marathon.events.DeploymentEvents;
import io.drover.marathon.events.EventBus;
import io.drover.marathon.group.Group;
import io.drover.marathon.group.RootGroup;
import io.drover.marathon.instance.Instance;
import io.drover.marathon.instance.InstanceId;
import io.drover.marathon.instance.InstanceStatusSource;
import io.drover.marathon.instance.InstanceStore;
import io.drover.marathon.instance.InstanceTracker;
import io.drover.marathon.instance.KillMode;
import io.drover.marathon.instance.TaskFailureStore;
import io.drover.marathon.launch.QueueEntry;
import io.drover.marathon.scheduling.RunSpecs;
import io.drover.marathon.storage.LeaderInfo;
import io.drover.sdk.placement.TaskSite;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Latency of {@code GET /v2/apps?embed=apps.tasks} on marathon-app's real HTTP server with 1,000 apps
 * and 10,000 running tasks of simulated state: the root group is loaded into the deployment manager
 * from memory and the instances into the real tracker and status source; no ZooKeeper, no cluster.
 * Prints p50/p90/p99/max over the measured requests (sequential, one connection at a time from one
 * client) after a warm-up.
 *
 * <p>Arguments (all optional): apps, tasks per app, warm-up requests, measured requests.
 */
public final class AppListingBenchmark {
  private AppListingBenchmark() {}

  public static void main(String[] args) throws Exception {
    int apps = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    int tasksPerApp = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 500;
    int measured = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;

    Clock clock = Clock.systemUTC();
    Instant now = clock.instant();
    RootGroup root = RootGroup.empty();
    InstanceTracker tracker = new InstanceTracker(new MemoryInstances());
    List<Instance> launched = new ArrayList<>();
    for (int a = 0; a < apps; a++) {
      PathId id = PathId.parse("/group-" + (a % 20) + "/app-" + a);
      AppDefinition app =
          AppDefinition.builder(id)
              .cmd("python3 -m http.server $PORT0")
              .instances(tasksPerApp)
              .cpus(0.1)
              .mem(64.0)
              .version(now)
              .versionInfo(new VersionInfo(now, now))
              .build();
      root = root.putApp(app);
      String version = RunSpecs.of(app).version();
      for (int t = 0; t < tasksPerApp; t++) {
        String agent = "agent-" + ((a * tasksPerApp + t) % 100);
        launched.add(Instance.launched(InstanceId.forApp(id.toString(), UUID.randomUUID()), version, new TaskSite(AgentId.of(agent), agent + ".example", Attributes.NONE), List.of(31000 + t), now));
      }
    }
    tracker.launched(launched);
    for (Instance instance : launched) {
      tracker.update(
          new TaskStatus(instance.id().taskId(), TaskState.TASK_RUNNING, Optional.of(instance.agentId()), Optional.empty(), TaskStatusReason.NONE, "", Optional.empty(), StatusSource.SOURCE_AGENT, now),
          now);
    }

    EventBus events = new EventBus();
    ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    DeploymentManager manager = new DeploymentManager(new NoExecutor(), new DeploymentEvents(events, clock), clock, timers);
    manager.takeOver(new MemoryState(root));
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    MarathonHttpServer server =
        new MarathonHttpServer(
            new MarathonHttpServer.Settings("127.0.0.1", port, MarathonHttpServer.Settings.DEFAULT_MAX_BODY_BYTES, new ServerInfo("marathon", "bench", "zk://none/drover", "127.0.0.1", port)),
            new MarathonHttpServer.Services(manager, new InstanceStatusSource(tracker, new NoFailures(), id -> List.of()), events, new NoInstanceControl(), new AlwaysLeader(), Optional::empty, ClusterDirectory.NONE, clock));
    server.start();
    try {
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/apps?embed=apps.tasks")).build();
      HttpResponse<byte[]> first = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      System.out.printf("GET /v2/apps?embed=apps.tasks: %d apps, %d tasks, status %d, %,d bytes%n", apps, launched.size(), first.statusCode(), first.body().length);
      for (int i = 0; i < warmup; i++) {
        http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      }
      long[] nanos = new long[measured];
      for (int i = 0; i < measured; i++) {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        nanos[i] = System.nanoTime() - start;
        if (response.statusCode() != 200) {
          throw new IllegalStateException("status " + response.statusCode());
        }
      }
      Arrays.sort(nanos);
      System.out.printf(
          "%d requests after %d warm-up: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          measured, warmup, millis(nanos, 0.50), millis(nanos, 0.90), millis(nanos, 0.99), nanos[nanos.length - 1] / 1e6);
    } finally {
      server.close();
      timers.shutdownNow();
    }
  }

  private static double millis(long[] sorted, double quantile) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
  }

  /** The root group of the simulated state, never written: nothing changes it here. */
  private record MemoryState(RootGroup root) implements StateRepository {
    @Override
    public RootGroup loadRootGroup() {
      return root;
    }

    @Override
    public List<Deployment> loadDeployments() {
      return List.of();
    }

    @Override
    public void write(RootGroup before, RootGroup after, List<Deployment> putDeployments, List<String> removeDeployments) {
      throw new UnsupportedOperationException("the benchmark only reads");
    }

    @Override
    public List<Instant> appVersions(PathId appId) {
      return root.app(appId).map(app -> List.of(app.version())).orElse(List.of());
    }

    @Override
    public Optional<AppDefinition> appVersion(PathId appId, Instant version) {
      return root.app(appId).filter(app -> app.version().equals(version));
    }

    @Override
    public List<Instant> groupVersions(PathId groupId) {
      return root.groupExists(groupId) ? List.of(root.version()) : List.of();
    }

    @Override
    public Optional<Group> groupAt(PathId groupId, Instant version) {
      return root.version().equals(version) && root.groupExists(groupId) ? Optional.of(root.toGroup(groupId)) : Optional.empty();
    }
  }

  /** Nothing has failed in the simulated state. */
  private static final class NoFailures implements TaskFailureStore {
    @Override
    public List<TaskFailure> loadAll() {
      return List.of();
    }

    @Override
    public void store(TaskFailure failure) {}
  }

  private static final class MemoryInstances implements InstanceStore {
    @Override
    public List<Instance> loadAll() {
      return List.of();
    }

    @Override
    public void store(Instance instance) {}

    @Override
    public void delete(InstanceId id) {}
  }

  private static final class NoExecutor implements DeploymentExecutor {
    @Override
    public void start(Deployment deployment, DeploymentProgress progress) {}

    @Override
    public void cancel(String deploymentId) {}
  }

  private static final class NoInstanceControl implements InstanceControl {
    @Override
    public List<QueueEntry> queue() {
      return List.of();
    }

    @Override
    public void resetDelay(String appId) {}

    @Override
    public void kill(Collection<InstanceId> instanceIds, KillMode mode) {}
  }

  private static final class AlwaysLeader implements LeaderControl {
    @Override
    public boolean isLeader() {
      return true;
    }

    @Override
    public Optional<LeaderInfo> leader() {
      return Optional.of(new LeaderInfo("bench", "127.0.0.1", 0, 1));
    }

    @Override
    public void abdicate(String reason) {}
  }
}
