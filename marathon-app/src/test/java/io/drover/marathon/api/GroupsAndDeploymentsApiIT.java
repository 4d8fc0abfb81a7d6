package io.drover.marathon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.marathon.app.PathId;
import io.drover.marathon.deployment.ActionType;
import io.drover.marathon.deployment.Deployment;
import io.drover.marathon.storage.MarathonPaths;
import io.drover.marathon.testing.Fixtures;
import io.drover.testing.EmbeddedZooKeeper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class GroupsAndDeploymentsApiIT {
  private static EmbeddedZooKeeper zooKeeper;
  private static int roots;
  private final List<ApiNode> nodes = new ArrayList<>();
  private MarathonPaths paths;
  private ApiNode node;

  @BeforeAll
  static void startZooKeeper() {
    zooKeeper = EmbeddedZooKeeper.start();
  }

  @AfterAll
  static void stopZooKeeper() {
    zooKeeper.close();
  }

  @BeforeEach
  void start() throws Exception {
    paths = new MarathonPaths("/groups-api-" + roots++);
    node = startNode("m1");
    node.awaitLeading();
  }

  private ApiNode startNode(String id) throws Exception {
    ApiNode started = new ApiNode(zooKeeper, paths, id, 1024 * 1024);
    nodes.add(started);
    return started;
  }

  @AfterEach
  void stop() throws Exception {
    for (ApiNode started : nodes) {
      started.close();
    }
  }

  private static void finishAll(ApiNode on, String deploymentId) {
    Deployment deployment = on.executor.started.stream().filter(d -> d.id().equals(deploymentId)).findFirst().orElseThrow();
    for (int step = deployment.currentStep(); step < deployment.plan().steps().size(); step++) {
      on.manager.stepFinished(deploymentId, step);
    }
  }

  @Test
  void aGroupWithDependenciesIsCreatedShownScaledAndDeleted() {
    ApiNode.Answer created = node.send("POST", "/v2/groups", Fixtures.text("group-with-dependencies.json"));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/v2/groups/shop"));
    String deploymentId = created.json().get("deploymentId").asText();
    Deployment deployment = node.executor.started.get(0);
    assertThat(deployment.id()).isEqualTo(deploymentId);
    assertThat(deployment.plan().steps()).extracting(s -> s.actions().get(0).appId().toString())
        .containsExactly("/shop/db", "/shop/api", "/shop/frontend/web");

    JsonNode shop = node.get("/v2/groups/shop").json();
    assertThat(shop.get("id").asText()).isEqualTo("/shop");
    assertThat(shop.get("apps").findValuesAsText("id")).contains("/shop/api", "/shop/db");
    assertThat(shop.at("/groups/0/id").asText()).isEqualTo("/shop/frontend");
    assertThat(shop.at("/groups/0/dependencies/0").asText()).isEqualTo("/shop/api");
    assertThat(node.get("/v2/groups").json().at("/groups/0/id").asText()).isEqualTo("/shop");
    assertThat(node.send("POST", "/v2/groups", Fixtures.text("group-with-dependencies.json")).status()).isEqualTo(409);
    assertThat(node.get("/v2/groups/nope").json().get("message").asText()).isEqualTo("Group '/nope' does not exist");

    ApiNode.Answer locked = node.send("PUT", "/v2/groups/shop", "{\"scaleBy\":2}");
    assertThat(locked.status()).isEqualTo(409);
    finishAll(node, deploymentId);
    ApiNode.Answer scaled = node.send("PUT", "/v2/groups/shop", "{\"scaleBy\":2}");
    assertThat(scaled.status()).isEqualTo(200);
    assertThat(node.get("/v2/apps/shop/frontend/web").json().at("/app/instances").asInt()).isEqualTo(6);
    assertThat(node.get("/v2/apps/shop/db").json().at("/app/instances").asInt()).isEqualTo(2);

    ApiNode.Answer deleted = node.send("DELETE", "/v2/groups/shop/frontend?force=true", null);
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(node.get("/v2/apps/shop/frontend/web").status()).isEqualTo(404);
    assertThat(node.get("/v2/groups/shop/frontend").status()).isEqualTo(404);
  }

  @Test
  void aGroupIsRolledBackToAStoredVersionAsADeployment() {
    String v1 = "{\"apps\":[{\"id\":\"db\",\"cmd\":\"db v1\"},{\"id\":\"api\",\"cmd\":\"api v1\",\"instances\":2}]}";
    finishAll(node, node.send("PUT", "/v2/groups/shop", v1).json().get("deploymentId").asText());
    String version1 = node.get("/v2/groups/shop").json().get("version").asText();
    String v2 = "{\"apps\":[{\"id\":\"db\",\"cmd\":\"db v2\"}]}";
    finishAll(node, node.send("PUT", "/v2/groups/shop", v2).json().get("deploymentId").asText());
    node.send("POST", "/v2/apps", "{\"id\":\"/elsewhere\",\"cmd\":\"x\",\"portDefinitions\":[]}");

    JsonNode versions = node.get("/v2/groups/shop/versions").json();
    assertThat(versions.size()).isEqualTo(3);
    assertThat(versions.get(2).asText()).isEqualTo(version1);
    assertThat(node.get("/v2/groups/versions").json().size()).isEqualTo(3);
    JsonNode then = node.get("/v2/groups/shop/versions/" + version1).json();
    assertThat(then.get("apps").findValuesAsText("cmd")).containsExactlyInAnyOrder("db v1", "api v1");
    assertThat(node.get("/v2/groups/shop/versions/2001-01-01T00:00:00.000Z").status()).isEqualTo(404);

    ApiNode.Answer rolledBack = node.send("PUT", "/v2/groups/shop", "{\"version\":\"" + version1 + "\"}");

    assertThat(rolledBack.status()).as(rolledBack.body()).isEqualTo(200);
    Deployment rollback = node.executor.started.get(node.executor.started.size() - 1);
    assertThat(rollback.id()).isEqualTo(rolledBack.json().get("deploymentId").asText());
    assertThat(rollback.plan().affectedApps()).extracting(PathId::toString).containsExactlyInAnyOrder("/shop/db", "/shop/api");
    assertThat(node.get("/v2/apps/shop/db").json().at("/app/cmd").asText()).isEqualTo("db v1");
    assertThat(node.get("/v2/apps/shop/api").json().at("/app/instances").asInt()).isEqualTo(2);
    assertThat(node.get("/v2/apps/elsewhere").status()).isEqualTo(200);
    assertThat(node.send("PUT", "/v2/groups/shop?force=true", "{\"version\":\"2001-01-01T00:00:00.000Z\"}").status()).isEqualTo(404);
    assertThat(node.get("/v2/groups/nope/versions").status()).isEqualTo(404);
  }

  @Test
  void embedChoosesTheMembersOfGroupsAndWhatAppsCarry() {
    node.send("POST", "/v2/groups", Fixtures.text("group-with-dependencies.json"));
    node.status.counts.put(PathId.of("shop", "db"), new io.drover.marathon.app.AppCounts(0, 1, 1, 0));

    JsonNode plain = node.get("/v2/groups/shop").json();
    assertThat(plain.has("apps")).isTrue();
    assertThat(plain.has("groups")).isTrue();
    assertThat(plain.get("pods").size()).isZero();
    assertThat(plain.at("/apps/0").has("tasksRunning")).isFalse();

    JsonNode onlyGroups = node.get("/v2/groups?embed=group.groups").json();
    assertThat(onlyGroups.has("apps")).isFalse();
    assertThat(onlyGroups.has("pods")).isFalse();
    assertThat(onlyGroups.at("/groups/0/id").asText()).isEqualTo("/shop");
    assertThat(onlyGroups.at("/groups/0").has("apps")).isFalse();

    JsonNode withCounts = node.get("/v2/groups/shop?embed=group.apps&embed=group.apps.counts&embed=group.apps.deployments").json();
    assertThat(withCounts.has("groups")).isFalse();
    JsonNode db = withCounts.get("apps").findParents("id").stream().filter(app -> app.get("id").asText().equals("/shop/db")).findFirst().orElseThrow();
    assertThat(db.get("tasksRunning").asInt()).isEqualTo(1);
    assertThat(db.get("deployments").size()).isEqualTo(1);
    assertThat(db.has("tasks")).isFalse();

    JsonNode tasks = node.get("/v2/groups/shop?embed=group.apps,group.apps.tasks").json();
    assertThat(tasks.at("/apps/0/tasks").isArray()).isTrue();
    assertThat(node.get("/v2/groups/shop/apps").json().findValuesAsText("id")).contains("/shop/frontend/web", "/shop/db");
  }

  @Test
  void aCyclicGroupIs422() {
    String cyclic =
        "{\"id\":\"/c\",\"apps\":[{\"id\":\"a\",\"cmd\":\"x\",\"dependencies\":[\"/c/b\"]},{\"id\":\"b\",\"cmd\":\"x\",\"dependencies\":[\"/c/a\"]}]}";

    ApiNode.Answer answer = node.send("POST", "/v2/groups", cyclic);

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.json().at("/details/0/errors/0").asText()).startsWith("Dependency graph has cyclic dependencies");
  }

  @Test
  void deletingADeploymentRollsItBackAndForceOnlyCancels() {
    ApiNode.Answer created = node.send("POST", "/v2/apps", "{\"id\":\"/web\",\"cmd\":\"v1\",\"instances\":2}");
    finishAll(node, created.json().at("/deployments/0/id").asText());
    String upgrade = node.send("PUT", "/v2/apps/web", "{\"cmd\":\"v2\",\"instances\":2}").json().get("deploymentId").asText();

    ApiNode.Answer rollback = node.send("DELETE", "/v2/deployments/" + upgrade, null);

    assertThat(rollback.status()).isEqualTo(200);
    String rollbackId = rollback.json().get("deploymentId").asText();
    assertThat(node.get("/v2/apps/web").json().at("/app/cmd").asText()).isEqualTo("v1");
    assertThat(node.get("/v2/deployments").json().findValuesAsText("id")).containsExactly(rollbackId);
    Deployment rolling = node.executor.started.get(node.executor.started.size() - 1);
    assertThat(rolling.plan().steps().get(0).actions().get(0).type()).isEqualTo(ActionType.RESTART);

    ApiNode.Answer cancelled = node.send("DELETE", "/v2/deployments/" + rollbackId + "?force=true", null);
    assertThat(cancelled.status()).isEqualTo(202);
    assertThat(node.get("/v2/deployments").json().size()).isZero();
    assertThat(node.send("DELETE", "/v2/deployments/" + rollbackId, null).status()).isEqualTo(404);
  }

  @Test
  void infoLeaderPingAndMetrics() {
    JsonNode info = node.get("/v2/info").json();
    assertThat(info.get("name").asText()).isEqualTo("drover-marathon");
    assertThat(info.get("elected").asBoolean()).isTrue();
    assertThat(info.get("leader").asText()).isEqualTo("127.0.0.1:" + node.port);
    assertThat(info.get("frameworkId").asText()).isEqualTo("fw-test");
    assertThat(node.get("/v2/leader").json().get("leader").asText()).isEqualTo("127.0.0.1:" + node.port);
    assertThat(node.get("/ping").body()).isEqualTo("pong");
    assertThat(node.get("/admin/healthcheck").json().at("/leader/message").asText()).isEqualTo("leader: 127.0.0.1:" + node.port);

    node.send("POST", "/v2/apps", "{\"id\":\"/web\",\"cmd\":\"v1\"}");
    String metrics = node.get("/metrics").body();
    assertThat(metrics).contains("drover_marathon_apps 1.0");
    assertThat(metrics).contains("drover_marathon_is_leader 1.0");
    assertThat(metrics).containsPattern("drover_marathon_http_requests_total\\{method=\"POST\",status=\"201\"} 1");
  }

  /** The event types a stream delivered so far; closing ends the stream. */
  private record EventFollower(List<String> received, InputStream body) implements AutoCloseable {
    @Override
    public void close() throws java.io.IOException {
      body.close();
    }
  }

  /** Follows {@code /v2/events?QUERY} of {@code via}. */
  private static EventFollower followEvents(ApiNode via, String query) throws Exception {
    List<String> received = new CopyOnWriteArrayList<>();
    HttpRequest subscribe =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + via.port + "/v2/events?" + query)).header("Accept", "text/event-stream").build();
    HttpResponse<InputStream> stream = via.http.send(subscribe, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (line.startsWith("event: ")) {
            received.add(line.substring("event: ".length()));
          }
        }
      } catch (java.io.IOException closed) {
        // the test ends the stream
      }
    });
    reader.setDaemon(true);
    reader.start();
    return new EventFollower(received, stream.body());
  }

  @Test
  void theEventStreamDeliversADeploymentsEventsInOrder() throws Exception {
    EventFollower events =
        followEvents(node, "event_type=deployment_info&event_type=deployment_step_success&event_type=deployment_success&event_type=api_post_event");
    List<String> received = events.received();
    await().atMost(Duration.ofSeconds(10)).until(() -> node.events.subscriberCount() == 1);

    String body = "{\"id\":\"/app\",\"cmd\":\"x\",\"dependencies\":[\"/db\"]}";
    node.send("POST", "/v2/apps", "{\"id\":\"/db\",\"cmd\":\"db\"}");
    finishAll(node, node.executor.started.get(0).id());
    node.send("PUT", "/v2/groups", "{\"apps\":[{\"id\":\"/db\",\"cmd\":\"db v2\"}," + body + "]}");
    finishAll(node, node.executor.started.get(1).id());

    await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 9);
    assertThat(received)
        .containsExactly(
            "event_stream_attached",
            "deployment_info",
            "api_post_event",
            "deployment_step_success",
            "deployment_success",
            "deployment_info",
            "deployment_step_success",
            "deployment_step_success",
            "deployment_success");
    events.close();
  }

  @Test
  void aStandbyForwardsToTheLeaderAndANewLeaderResumesDeployments() throws Exception {
    ApiNode standby = startNode("m2");
    await().atMost(Duration.ofSeconds(10)).until(() -> standby.get("/v2/leader").status() == 200);
    assertThat(standby.manager.isLeading()).isFalse();
    assertThat(standby.get("/v2/info").json().get("elected").asBoolean()).isFalse();

    ApiNode.Answer viaStandby = standby.send("POST", "/v2/apps", "{\"id\":\"/db\",\"cmd\":\"db\"}");
    assertThat(viaStandby.status()).isEqualTo(201);
    assertThat(viaStandby.header("Location")).isPresent();
    assertThat(standby.get("/v2/apps/db").json().at("/app/cmd").asText()).isEqualTo("db");
    String groupBody = "{\"apps\":[{\"id\":\"/db\",\"cmd\":\"db v2\"},{\"id\":\"/app\",\"cmd\":\"x\",\"dependencies\":[\"/db\"]}]}";
    finishAll(node, node.executor.started.get(0).id());
    String deploymentId = standby.send("PUT", "/v2/groups", groupBody).json().get("deploymentId").asText();
    node.manager.stepFinished(deploymentId, 0);
    // Abdicating while the standby's latch is not registered yet would rightly elect the same node again.
    await().atMost(Duration.ofSeconds(10)).until(() -> node.client.getChildren().forPath(paths.election()).size() == 2);
    assertThat(standby.send("DELETE", "/v2/leader", null).status()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(15)).until(standby.manager::isLeading);
    assertThat(standby.executor.started).singleElement().satisfies(resumed -> {
      assertThat(resumed.id()).isEqualTo(deploymentId);
      assertThat(resumed.currentStep()).isEqualTo(1);
      assertThat(resumed.currentActions()).extracting(a -> a.appId().toString()).containsExactly("/app");
    });
    assertThat(standby.manager.root().app(PathId.of("app"))).isPresent();
    await().atMost(Duration.ofSeconds(10)).until(() -> node.get("/v2/leader").json().path("leader").asText().equals("127.0.0.1:" + standby.port));
    assertThat(node.get("/v2/deployments").json().findValuesAsText("id")).containsExactly(deploymentId);
  }

  @Test
  void aStandbyRelaysTheLeadersEventStream() throws Exception {
    ApiNode standby = startNode("m2");
    await().atMost(Duration.ofSeconds(10)).until(() -> standby.get("/v2/leader").status() == 200);
    assertThat(standby.manager.isLeading()).isFalse();

    try (EventFollower events = followEvents(standby, "event_type=api_post_event")) {
      await().atMost(Duration.ofSeconds(10)).until(() -> node.events.subscriberCount() == 1);
      standby.send("POST", "/v2/apps", "{\"id\":\"/relayed\",\"cmd\":\"x\"}");

      await().atMost(Duration.ofSeconds(10)).until(() -> events.received().contains("api_post_event"));
      assertThat(standby.events.subscriberCount()).as("the events come from the leader's bus").isZero();
    }
  }
}
