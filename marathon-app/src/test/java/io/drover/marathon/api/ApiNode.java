package io.drover.marathon.api;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.marathon.app.AppCounts;
import io.drover.marathon.app.AppStatusSource;
import io.drover.marathon.app.MarathonJson;
import io.drover.marathon.app.PathId;
import io.drover.marathon.app.TaskFailure;
import io.drover.marathon.app.TaskView;
import io.drover.marathon.deployment.DeploymentManager;
import io.drover.marathon.deployment.RecordingExecutor;
import io.drover.marathon.events.DeploymentEvents;
import io.drover.marathon.events.EventBus;
import io.drover.marathon.instance.InstanceId;
import io.drover.marathon.instance.KillMode;
import io.drover.marathon.launch.QueueEntry;
import io.drover.marathon.storage.LeaderInfo;
import io.drover.marathon.storage.MarathonLeadership;
import io.drover.marathon.storage.MarathonPaths;
import io.drover.marathon.storage.NodeCodec;
import io.drover.marathon.storage.StateTakeover;
import io.drover.testing.EmbeddedZooKeeper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.curator.framework.CuratorFramework;

/**
 * One marathon-app API process for tests: real ZooKeeper storage and election, real HTTP, and an
 * executor that records deployments (the test reports their progress through {@link #manager}).
 */
final class ApiNode implements AutoCloseable {
  final CuratorFramework client;
  final RecordingExecutor executor = new RecordingExecutor();
  final EventBus events = new EventBus();
  final FixedStatus status = new FixedStatus();
  final RecordingInstances instances = new RecordingInstances();
  final DeploymentManager manager;
  final MarathonLeadership leadership;
  final StateTakeover takeover;
  final MarathonHttpServer server;
  final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  final int port;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Status the scheduling side would report: set per app by tests. */
  static final class FixedStatus implements AppStatusSource {
    final Map<PathId, AppCounts> counts = new ConcurrentHashMap<>();
    final Map<PathId, List<TaskView>> tasks = new ConcurrentHashMap<>();
    final Map<PathId, TaskFailure> failures = new ConcurrentHashMap<>();

    @Override
    public AppCounts counts(PathId appId) {
      return counts.getOrDefault(appId, AppCounts.NONE);
    }

    @Override
    public List<TaskView> tasks(PathId appId) {
      return tasks.getOrDefault(appId, List.of());
    }

    @Override
    public Optional<TaskFailure> lastTaskFailure(PathId appId) {
      return Optional.ofNullable(failures.get(appId));
    }
  }

  /** The scheduling side's queue as tests set it, and the kills the API asked for. */
  static final class RecordingInstances implements InstanceControl {
    final List<QueueEntry> queue = new CopyOnWriteArrayList<>();
    final List<String> delaysReset = new CopyOnWriteArrayList<>();
    final List<Map.Entry<List<InstanceId>, KillMode>> kills = new CopyOnWriteArrayList<>();

    @Override
    public List<QueueEntry> queue() {
      return List.copyOf(queue);
    }

    @Override
    public void resetDelay(String appId) {
      delaysReset.add(appId);
    }

    @Override
    public void kill(Collection<InstanceId> instanceIds, KillMode mode) {
      kills.add(Map.entry(List.copyOf(instanceIds), mode));
    }
  }

  ApiNode(EmbeddedZooKeeper zooKeeper, MarathonPaths paths, String id, long maxBodyBytes) throws Exception {
    client = zooKeeper.newClient();
    port = freePort();
    Clock clock = Clock.systemUTC();
    manager = new DeploymentManager(executor, new DeploymentEvents(events, clock), clock, timers);
    takeover = new StateTakeover(client, paths, NodeCodec.DEFAULT, Duration.ofSeconds(10), manager);
    leadership = new MarathonLeadership(client, paths, new LeaderInfo(id, "127.0.0.1", port, 0), Duration.ofSeconds(5), takeover);
    LeaderControl control = new ElectedLeaderControl(leadership);
    server =
        new MarathonHttpServer(
            new MarathonHttpServer.Settings("127.0.0.1", port, maxBodyBytes, new ServerInfo("drover-marathon", "test", zooKeeper.url(paths.root()), "127.0.0.1", port)),
            new MarathonHttpServer.Services(manager, status, events, instances, control, () -> Optional.of("fw-test"), ClusterDirectory.NONE, clock));
    server.start();
    leadership.start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  void awaitLeading() {
    await().atMost(Duration.ofSeconds(15)).until(manager::isLeading);
  }

  record Answer(int status, String body, HttpResponse<String> response) {
    JsonNode json() {
      try {
        return MarathonJson.mapper().readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    Optional<String> header(String name) {
      return response.headers().firstValue(name);
    }
  }

  Answer send(String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return send(request.build());
  }

  Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new AssertionError("request failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  Answer get(String path) {
    return send("GET", path, null);
  }

  @Override
  public void close() throws Exception {
    leadership.close();
    server.close();
    timers.shutdownNow();
    client.close();
  }
}
