package io.drover.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drover.agent.Agent;
import io.drover.agent.AgentConfig;
import io.drover.core.Resources;
import io.drover.core.TaskState;
import io.drover.marathon.MarathonApp;
import io.drover.marathon.MarathonConfig;
import io.drover.master.Master;
import io.drover.master.MasterConfig;
import io.drover.protocol.net.Backoff;
import io.drover.protocol.net.ProtocolOptions;
import io.drover.protocol.net.ZkUrl;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * marathon-app end to end on real parts: ZooKeeper, a master, three agents (host-1..3) running real
 * processes and two marathon-app processes, driven over Marathon's REST API on real HTTP. One cluster
 * serves the whole class; each test uses its own apps.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarathonIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Backoff FAST = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir static Path work;
  private TestingServer zookeeper;
  private Master master;
  private final List<Agent> agents = new ArrayList<>();
  private final List<MarathonApp> marathons = new CopyOnWriteArrayList<>();

  @BeforeAll
  void startCluster() throws Exception {
    zookeeper = new TestingServer(true);
    ZkUrl zk = ZkUrl.parse("zk://" + zookeeper.getConnectString() + "/drover");
    master =
        MasterCommand.start(
            MasterConfig.defaults(zk, "127.0.0.1")
                .withPorts(0, 0)
                .withHeartbeat(Duration.ofMillis(500), 4)
                .withAgentTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(20))
                .withAllocationInterval(Duration.ofMillis(200)));
    for (int i = 1; i <= 3; i++) {
      agents.add(
          AgentCommand.start(
              AgentConfig.defaults(work.resolve("agent-" + i), zk)
                  .withHostname("host-" + i)
                  .withHttp("127.0.0.1", 0)
                  .withResources(Resources.parse("cpus:2;mem:4096;disk:1024;ports:[31000-31100]"))
                  .withBackoffs(FAST, FAST)
                  .withProtocol(ProtocolOptions.DEFAULTS.withHeartbeat(Duration.ofMillis(500), 4))));
    }
    MarathonConfig config = MarathonConfig.defaults(zk, "127.0.0.1").withHttpPort(0);
    for (int i = 0; i < 2; i++) {
      marathons.add(MarathonCommand.start(config));
    }
    await().atMost(WAIT).until(() -> marathons.stream().anyMatch(MarathonApp::isLeader));
    await().atMost(WAIT).until(() -> master.state().join().agents().stream().filter(a -> a.active()).count() == 3);
  }

  @AfterAll
  void stopCluster() throws Exception {
    for (MarathonApp marathon : marathons) {
      marathon.close();
    }
    agents.forEach(agent -> agent.stopWithTasks(Duration.ofSeconds(30)));
    if (master != null) {
      master.close();
    }
    if (zookeeper != null) {
      zookeeper.close();
    }
  }

  private MarathonApp leader() {
    return marathons.stream().filter(MarathonApp::isLeader).findFirst().orElseThrow(() -> new AssertionError("no marathon-app leads"));
  }

  /** Any marathon-app: a standby forwards to the leader. */
  private MarathonApp anyMarathon() {
    return marathons.get(marathons.size() - 1);
  }

  private record Answer(int status, JsonNode json, String body) {}

  private Answer send(String method, String path, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + anyMarathon().httpPort() + path))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      boolean isJson = response.headers().firstValue("Content-Type").filter(type -> type.startsWith("application/json")).isPresent();
      JsonNode json = isJson && !response.body().isEmpty() ? JSON.readTree(response.body()) : JSON.nullNode();
      return new Answer(response.statusCode(), json, response.body());
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private Answer expect(int status, String method, String path, String body) {
    Answer answer = send(method, path, body);
    assertThat(answer.status()).as(method + " " + path + ": " + answer.body()).isEqualTo(status);
    return answer;
  }

  private static String app(String id, int instances, String extra) {
    return "{\"id\":\"" + id + "\",\"cmd\":\"sleep 1000\",\"cpus\":0.1,\"mem\":16,\"instances\":" + instances + extra + "}";
  }

  private List<JsonNode> running(String appId) {
    List<JsonNode> running = new ArrayList<>();
    send("GET", "/v2/apps" + appId + "/tasks", null).json().path("tasks").forEach(task -> {
      if (task.path("state").asText().equals("TASK_RUNNING")) {
        running.add(task);
      }
    });
    return running;
  }

  private Map<String, Integer> runningPerHost(String appId) {
    Map<String, Integer> perHost = new TreeMap<>();
    running(appId).forEach(task -> perHost.merge(task.path("host").asText(), 1, Integer::sum));
    return perHost;
  }

  private Set<String> runningIds(String appId) {
    Set<String> ids = new HashSet<>();
    running(appId).forEach(task -> ids.add(task.path("id").asText()));
    return ids;
  }

  private boolean settled(String appId, int instances) {
    Answer app = send("GET", "/v2/apps" + appId, null);
    return app.json().at("/app/deployments").isEmpty() && running(appId).size() == instances && app.json().at("/app/tasksStaged").asInt() == 0;
  }

  private void awaitSettled(String appId, int instances) {
    await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> settled(appId, instances));
  }

  /** Tasks of the app that the agents themselves run: what really runs, whatever marathon-app believes. */
  private long runningOnAgents(String appId) {
    String prefix = appId.substring(1).replace('/', '_') + ".";
    return agents.stream()
        .flatMap(agent -> agent.state().tasks().stream())
        .filter(task -> task.task().id().value().startsWith(prefix) && task.state() == TaskState.TASK_RUNNING)
        .count();
  }

  @Test
  void instancesSpreadAcrossAgentsAsTheAppScalesUpAndDown() {
    expect(201, "POST", "/v2/apps", app("/spread", 6, ""));
    awaitSettled("/spread", 6);
    assertThat(runningPerHost("/spread")).containsExactlyInAnyOrderEntriesOf(Map.of("host-1", 2, "host-2", 2, "host-3", 2));

    expect(200, "PATCH", "/v2/apps/spread", "{\"instances\":9}");
    awaitSettled("/spread", 9);
    assertThat(runningPerHost("/spread")).containsExactlyInAnyOrderEntriesOf(Map.of("host-1", 3, "host-2", 3, "host-3", 3));

    expect(200, "PATCH", "/v2/apps/spread", "{\"instances\":3}");
    awaitSettled("/spread", 3);
    assertThat(runningPerHost("/spread")).containsExactlyInAnyOrderEntriesOf(Map.of("host-1", 1, "host-2", 1, "host-3", 1));
    await().atMost(WAIT).until(() -> runningOnAgents("/spread") == 3);

    String victim = running("/spread").get(0).path("id").asText();
    expect(200, "DELETE", "/v2/apps/spread/tasks/" + victim + "?scale=true", null);
    awaitSettled("/spread", 2);
    assertThat(send("GET", "/v2/apps/spread", null).json().at("/app/instances").asInt()).as("the stored count went down").isEqualTo(2);
    assertThat(runningIds("/spread")).doesNotContain(victim);
  }

  @Test
  void aRollingRestartNeverDropsBelowTheRunningCount() {
    expect(201, "POST", "/v2/apps", app("/rolling", 3, ",\"upgradeStrategy\":{\"minimumHealthCapacity\":1,\"maximumOverCapacity\":1}"));
    awaitSettled("/rolling", 3);
    Set<String> before = runningIds("/rolling");

    String deploymentId = expect(200, "POST", "/v2/apps/rolling/restart", null).json().path("deploymentId").asText();
    AtomicInteger fewest = new AtomicInteger(Integer.MAX_VALUE);
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              fewest.accumulateAndGet(running("/rolling").size(), Math::min);
              return !send("GET", "/v2/deployments", null).body().contains(deploymentId);
            });

    assertThat(fewest.get()).as("running instances during the restart").isGreaterThanOrEqualTo(3);
    awaitSettled("/rolling", 3);
    assertThat(runningIds("/rolling")).doesNotContainAnyElementsOf(before);
    await().atMost(WAIT).until(() -> runningOnAgents("/rolling") == 3);
  }

  @Test
  void aLockedAppRefusesAChangeWith409UntilForced() {
    expect(201, "POST", "/v2/apps", app("/locked", 1, ""));
    awaitSettled("/locked", 1);
    // Nothing can be placed on a host called "nowhere": this deployment stays under way.
    String stuck = expect(200, "PUT", "/v2/apps/locked", app("/locked", 1, ",\"constraints\":[[\"hostname\",\"LIKE\",\"nowhere\"]]")).json().path("deploymentId").asText();

    Answer refused = send("PUT", "/v2/apps/locked", app("/locked", 2, ""));
    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(refused.body()).contains(stuck);

    expect(200, "PUT", "/v2/apps/locked?force=true", app("/locked", 2, ""));
    awaitSettled("/locked", 2);
    assertThat(send("GET", "/v2/apps/locked", null).json().at("/app/constraints")).isEmpty();
    assertThat(send("GET", "/v2/deployments", null).body()).doesNotContain(stuck);
  }

  @Test
  void deletingADeploymentRollsBackToThePreviousVersion() {
    expect(201, "POST", "/v2/apps", app("/rollback", 2, ""));
    awaitSettled("/rollback", 2);
    Set<String> before = runningIds("/rollback");
    String firstVersion = send("GET", "/v2/apps/rollback", null).json().at("/app/version").asText();
    String stuck =
        expect(200, "PUT", "/v2/apps/rollback", "{\"id\":\"/rollback\",\"cmd\":\"sleep 1001\",\"cpus\":0.1,\"mem\":16,\"instances\":2,\"constraints\":[[\"hostname\",\"LIKE\",\"nowhere\"]]}")
            .json()
            .path("deploymentId")
            .asText();

    Answer rollback = expect(200, "DELETE", "/v2/deployments/" + stuck, null);
    assertThat(rollback.json().path("deploymentId").asText()).isNotEqualTo(stuck);

    awaitSettled("/rollback", 2);
    JsonNode app = send("GET", "/v2/apps/rollback", null).json().path("app");
    assertThat(app.path("cmd").asText()).isEqualTo("sleep 1000");
    assertThat(app.path("constraints")).isEmpty();
    assertThat(runningIds("/rollback")).as("the old instances were never replaced").isEqualTo(before);

    // The other way back: PUT of the older version over a change that cannot be placed.
    expect(200, "PUT", "/v2/apps/rollback", "{\"id\":\"/rollback\",\"cmd\":\"sleep 1003\",\"cpus\":0.1,\"mem\":16,\"instances\":2,\"constraints\":[[\"hostname\",\"LIKE\",\"nowhere\"]]}");
    expect(200, "PUT", "/v2/apps/rollback?force=true", "{\"version\":\"" + firstVersion + "\"}");
    awaitSettled("/rollback", 2);
    assertThat(send("GET", "/v2/apps/rollback", null).json().at("/app/cmd").asText()).isEqualTo("sleep 1000");
    assertThat(runningIds("/rollback")).as("still the first instances").isEqualTo(before);
  }

  @Test
  void deploymentEventsStreamInOrder() throws Exception {
    List<JsonNode> events = new CopyOnWriteArrayList<>();
    HttpRequest subscribe =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + leader().httpPort() + "/v2/events")).header("Accept", "text/event-stream").build();
    CompletableFuture<HttpResponse<Stream<String>>> stream = http.sendAsync(subscribe, HttpResponse.BodyHandlers.ofLines());
    HttpResponse<Stream<String>> response = stream.get();
    assertThat(response.statusCode()).isEqualTo(200);
    Thread reader =
        new Thread(
            () ->
                response.body().filter(line -> line.startsWith("data:")).forEach(line -> {
                  try {
                    events.add(JSON.readTree(line.substring(5).trim()));
                  } catch (IOException e) {
                    throw new AssertionError("not JSON: " + line, e);
                  }
                }),
            "sse-reader");
    reader.setDaemon(true);
    reader.start();
    await().atMost(WAIT).until(() -> events.stream().anyMatch(e -> e.path("eventType").asText().equals("event_stream_attached")));

    String deploymentId = expect(201, "POST", "/v2/apps", app("/events", 1, "")).json().at("/deployments/0/id").asText();
    await().atMost(WAIT).until(() -> events.stream().anyMatch(e -> e.path("eventType").asText().equals("deployment_success") && deploymentId.equals(e.path("id").asText())));

    List<String> ofDeployment =
        events.stream()
            .filter(e -> deploymentId.equals(e.path("id").asText()) || deploymentId.equals(e.at("/plan/id").asText()))
            .map(e -> e.path("eventType").asText())
            .toList();
    assertThat(ofDeployment).containsSubsequence("deployment_info", "deployment_step_success", "deployment_success");
    assertThat(ofDeployment.get(0)).isEqualTo("deployment_info");
    assertThat(ofDeployment.get(ofDeployment.size() - 1)).isEqualTo("deployment_success");
    assertThat(events).anyMatch(e -> e.path("eventType").asText().equals("status_update_event") && e.path("appId").asText().equals("/events") && e.path("taskStatus").asText().equals("TASK_RUNNING"));
    response.body().close();
  }

  @Test
  void aLeaderFailoverMidDeploymentCompletesItWithoutLosingOrDuplicatingInstances() throws Exception {
    expect(201, "POST", "/v2/apps", app("/failover", 4, ""));
    awaitSettled("/failover", 4);
    Set<String> before = runningIds("/failover");

    String deploymentId = expect(200, "POST", "/v2/apps/failover/restart", null).json().path("deploymentId").asText();
    MarathonApp old = leader();
    assertThat(send("GET", "/v2/deployments", null).body()).as("the restart is under way when its leader goes").contains(deploymentId);
    marathons.remove(old);
    old.close();
    await().atMost(WAIT).until(() -> marathons.stream().anyMatch(MarathonApp::isLeader));

    await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> !send("GET", "/v2/deployments", null).body().contains(deploymentId));
    awaitSettled("/failover", 4);
    assertThat(runningIds("/failover")).hasSize(4).doesNotContainAnyElementsOf(before);
    await().atMost(WAIT).until(() -> runningOnAgents("/failover") == 4);
  }

  @Test
  void theClusterProxyServesTheMastersStateAndATasksOutputThroughAStandby() {
    expect(201, "POST", "/v2/apps", "{\"id\":\"/talker\",\"cmd\":\"echo said-on-stdout; echo said-on-stderr >&2; sleep 1000\",\"cpus\":0.1,\"mem\":16}");
    await().atMost(WAIT).until(() -> running("/talker").size() == 1);
    String taskId = running("/talker").get(0).path("id").asText();
    assertThat(anyMarathon().isLeader()).as("asked through a standby, which forwards to the leader").isFalse();

    JsonNode state = expect(200, "GET", "/cluster/state", null).json();
    assertThat(state.path("agents")).hasSize(3);
    assertThat(state.at("/agents/0/url").asText()).startsWith("http://127.0.0.1:");
    assertThat(state.findValuesAsText("name")).contains("marathon");

    await().atMost(WAIT).untilAsserted(() ->
        assertThat(expect(200, "GET", "/cluster/tasks/" + taskId + "/files/read?file=stdout&offset=0", null).json().path("data").asText()).contains("said-on-stdout"));
    assertThat(expect(200, "GET", "/cluster/tasks/" + taskId + "/files/read?file=stderr", null).json().path("data").asText()).contains("said-on-stderr");
    JsonNode end = expect(200, "GET", "/cluster/tasks/" + taskId + "/files/read?file=stdout&offset=-1", null).json();
    assertThat(end.path("data").asText()).isEmpty();
    assertThat(end.path("offset").asLong()).as("the file's size, where tailing starts").isEqualTo("said-on-stdout\n".length());
    assertThat(expect(200, "GET", "/cluster/tasks/" + taskId + "/files/download?file=stdout", null).body()).isEqualTo("said-on-stdout\n");

    assertThat(expect(404, "GET", "/cluster/tasks/talker.00000000-0000-0000-0000-000000000000/files/read", null).json().path("message").asText())
        .contains("does not exist");
    assertThat(expect(400, "GET", "/cluster/tasks/" + taskId + "/files/read?file=..%2Fmeta", null).json().path("message").asText())
        .contains("stdout or stderr");
    assertThat(expect(400, "GET", "/cluster/tasks/" + taskId + "/files/read?offset=x", null).json().path("message").asText()).contains("offset");
  }

  @Test
  void theClusterProxyServesTheOutputOfAnAppsLastTaskFailure() {
    // An hour's backoff: the app crashes once and stays down, so its last failure stays the same.
    expect(201, "POST", "/v2/apps",
        "{\"id\":\"/crasher\",\"cmd\":\"echo crashed-on-stderr >&2; exit 1\",\"cpus\":0.1,\"mem\":16,\"backoffSeconds\":3600,\"maxLaunchDelaySeconds\":3600}");
    await().atMost(WAIT).until(() -> send("GET", "/v2/apps/crasher?embed=app.lastTaskFailure", null).json().at("/app/lastTaskFailure/taskId").isTextual());
    JsonNode failure = send("GET", "/v2/apps/crasher?embed=app.lastTaskFailure", null).json().at("/app/lastTaskFailure");
    String taskId = failure.path("taskId").asText();
    assertThat(failure.path("state").asText()).isEqualTo("TASK_FAILED");
    // Gone from marathon-app's instances, and forgotten by its agent once the end was acknowledged.
    await().atMost(WAIT).until(() -> agents.stream().anyMatch(agent -> agent.state().completedTasks().stream().anyMatch(task -> task.task().id().value().equals(taskId))));
    assertThat(agents.stream().flatMap(agent -> agent.state().tasks().stream()).map(task -> task.task().id().value())).doesNotContain(taskId);
    assertThat(runningIds("/crasher")).isEmpty();

    assertThat(expect(200, "GET", "/cluster/tasks/" + taskId + "/files/read?file=stderr", null).json().path("data").asText()).isEqualTo("crashed-on-stderr\n");
    assertThat(expect(200, "GET", "/cluster/tasks/" + taskId + "/files/download?file=stdout", null).body()).isEmpty();

    expect(200, "DELETE", "/v2/apps/crasher?force=true", null);
  }

  @Test
  void anInstanceFailingItsHealthCheckIsReplaced() {
    // The task serves nothing, so the agent's HTTP check fails until marathon-app gives up on it (and a
    // stranger on the port would answer 404 for this path: the check fails all the same).
    expect(201, "POST", "/v2/apps", app("/unhealthy", 1,
        ",\"healthChecks\":[{\"protocol\":\"HTTP\",\"path\":\"/drover-no-such-path\",\"portIndex\":0,\"gracePeriodSeconds\":1,\"intervalSeconds\":1,\"timeoutSeconds\":1,\"maxConsecutiveFailures\":2}]"));
    await().atMost(WAIT).until(() -> running("/unhealthy").size() == 1);
    String first = running("/unhealthy").get(0).path("id").asText();

    await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
      Set<String> ids = runningIds("/unhealthy");
      return !ids.isEmpty() && !ids.contains(first);
    });
    assertThat(runningIds("/unhealthy")).as("replaced, not added to").hasSize(1);
  }

  @Test
  void anInstanceFailingTheCheckMarathonAppRunsIsUnhealthyAndARollingUpgradeDoesNotCountIt() {
    String agentCheck = "{\"protocol\":\"COMMAND\",\"command\":{\"value\":\"true\"},\"gracePeriodSeconds\":0,\"intervalSeconds\":1,\"timeoutSeconds\":1,\"maxConsecutiveFailures\":0}";
    // marathon-app's own TCP check never connects: nothing listens on the task's port.
    String marathonCheck = "{\"protocol\":\"TCP\",\"portIndex\":0,\"gracePeriodSeconds\":0,\"intervalSeconds\":1,\"timeoutSeconds\":1,\"maxConsecutiveFailures\":0}";
    String strategy = ",\"upgradeStrategy\":{\"minimumHealthCapacity\":1,\"maximumOverCapacity\":0.5}";
    expect(201, "POST", "/v2/apps", app("/two-checks", 2, strategy + ",\"healthChecks\":[" + agentCheck + "]"));
    awaitSettled("/two-checks", 2);
    await().atMost(WAIT).until(() -> appCount("/two-checks", "tasksHealthy") == 2);
    Set<String> before = runningIds("/two-checks");

    // The new version adds the check that fails: its instance passes the agent's check only.
    String deploymentId =
        expect(200, "PUT", "/v2/apps/two-checks", app("/two-checks", 2, strategy + ",\"healthChecks\":[" + agentCheck + "," + marathonCheck + "]")).json().path("deploymentId").asText();

    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> appCount("/two-checks", "tasksUnhealthy") == 1 && newTasks("/two-checks", before).stream().anyMatch(task -> task.path("healthCheckResults").size() == 2));
    JsonNode fresh = newTasks("/two-checks", before).get(0);
    assertThat(fresh.path("healthCheckResults")).extracting(result -> result.path("alive").asBoolean()).containsExactly(true, false);
    assertThat(appCount("/two-checks", "tasksHealthy")).as("the old instances").isEqualTo(2);
    // Counted as healthy, the new instance would let the upgrade kill an old one at once.
    await()
        .atMost(WAIT)
        .during(Duration.ofSeconds(3))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> runningIds("/two-checks").containsAll(before) && send("GET", "/v2/deployments", null).body().contains(deploymentId));
    assertThat(runningIds("/two-checks")).hasSize(3);

    expect(200, "DELETE", "/v2/apps/two-checks?force=true", null);
    await().atMost(WAIT).until(() -> runningOnAgents("/two-checks") == 0);
  }

  private List<JsonNode> newTasks(String appId, Set<String> old) {
    return running(appId).stream().filter(task -> !old.contains(task.path("id").asText())).toList();
  }

  private int appCount(String appId, String field) {
    return send("GET", "/v2/apps" + appId, null).json().path("app").path(field).asInt(-1);
  }

  @Test
  void aDockerAppIsReachableOnItsHostPort() throws Exception {
    String image = System.getenv("DROVER_TEST_IMAGE");
    String dockerHost = System.getenv("DOCKER_HOST");
    Assumptions.assumeTrue(
        image != null && !image.isBlank() && dockerHost != null && !dockerHost.isBlank(),
        "DOCKER_HOST and DROVER_TEST_IMAGE are not both set, so the Docker app test is skipped: ./run-tests provides them");
    String httpd =
        "{\"id\":\"/web-docker\",\"cmd\":\"mkdir -p /www && echo hello-from-docker > /www/index.html && httpd -f -p 8000 -h /www\",\"cpus\":0.1,\"mem\":32,\"instances\":1,"
            + "\"container\":{\"type\":\"DOCKER\",\"docker\":{\"image\":\"" + image + "\"},\"portMappings\":[{\"containerPort\":8000,\"hostPort\":0,\"protocol\":\"tcp\"}]},"
            + "\"networks\":[{\"mode\":\"container/bridge\"}]}";
    expect(201, "POST", "/v2/apps", httpd);
    awaitSettled("/web-docker", 1);
    int hostPort = running("/web-docker").get(0).path("ports").get(0).asInt();
    await()
        .atMost(WAIT)
        .ignoreExceptions()
        .until(
            () ->
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hostPort + "/")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString())
                    .body()
                    .contains("hello-from-docker"));
  }
}
