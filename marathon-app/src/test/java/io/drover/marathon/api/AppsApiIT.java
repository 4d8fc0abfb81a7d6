package io.drover.marathon.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.marathon.app.AppCounts;
import io.drover.marathon.app.PathId;
import io.drover.marathon.app.TaskFailure;
import io.drover.marathon.app.TaskView;
import io.drover.marathon.deployment.ActionType;
import io.drover.marathon.deployment.Deployment;
import io.drover.marathon.storage.MarathonPaths;
import io.drover.marathon.testing.Fixtures;
import io.drover.testing.EmbeddedZooKeeper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class AppsApiIT {
  private static final String WEB = "{\"id\":\"/web\",\"cmd\":\"httpd -p $PORT0\",\"instances\":2,\"labels\":{\"tier\":\"front\"}}";
  private static EmbeddedZooKeeper zooKeeper;
  private static int roots;
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
    node = new ApiNode(zooKeeper, new MarathonPaths("/apps-api-" + roots++), "m1", 64 * 1024);
    node.awaitLeading();
  }

  @AfterEach
  void stop() throws Exception {
    node.close();
  }

  /** Reports every step of the deployment as finished, as the executor would. */
  private void finish(String deploymentId) {
    Deployment deployment = node.executor.started.stream().filter(d -> d.id().equals(deploymentId)).findFirst().orElseThrow();
    for (int step = 0; step < deployment.plan().steps().size(); step++) {
      node.manager.stepFinished(deploymentId, step);
    }
  }

  private String create(String json) {
    ApiNode.Answer created = node.send("POST", "/v2/apps", json);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().at("/deployments/0/id").asText();
  }

  @Test
  void servicePortsAreAssignedKeptAcrossVersionsCheckedAcrossAppsAndShownInTasks() {
    create("{\"id\":\"/a\",\"cmd\":\"x\",\"portDefinitions\":[{\"port\":0},{\"port\":0}]}");
    ApiNode.Answer b =
        node.send("POST", "/v2/apps", "{\"id\":\"/b\",\"container\":{\"type\":\"DOCKER\",\"docker\":{\"image\":\"busybox\"},"
            + "\"portMappings\":[{\"containerPort\":80,\"hostPort\":0}]}}");

    assertThat(node.get("/v2/apps/a").json().at("/app/portDefinitions").findValuesAsText("port")).containsExactly("10000", "10001");
    assertThat(b.json().at("/container/portMappings/0/servicePort").asInt()).isEqualTo(10002);
    ApiNode.Answer changed = node.send("PUT", "/v2/apps/a?force=true", "{\"cmd\":\"x --v2\",\"portDefinitions\":[{\"port\":0},{\"port\":0}]}");
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(node.get("/v2/apps/a").json().at("/app/portDefinitions").findValuesAsText("port")).containsExactly("10000", "10001");

    ApiNode.Answer conflict = node.send("POST", "/v2/apps", "{\"id\":\"/c\",\"cmd\":\"x\",\"portDefinitions\":[{\"port\":10001}]}");
    assertThat(conflict.status()).isEqualTo(422);
    assertThat(conflict.json().at("/details/0/errors/0").asText()).isEqualTo("Requested service port 10001 conflicts with a service port in app /a");

    Instant now = Instant.now();
    node.status.tasks.put(PathId.of("a"), List.of(new TaskView("a.1", PathId.of("a"), "h", "s", List.of(31000, 31001), List.of(), List.of(), now, now, "TASK_RUNNING", now, List.of())));
    assertThat(node.get("/v2/apps/a/tasks").json().at("/tasks/0/servicePorts").toString()).isEqualTo("[10000,10001]");
    assertThat(node.get("/v2/tasks").json().at("/tasks/0/servicePorts").toString()).isEqualTo("[10000,10001]");
  }

  @Test
  void creatingAnAppAnswers201WithLocationAndTheDeployment() {
    ApiNode.Answer created = node.send("POST", "/v2/apps", WEB);

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/v2/apps/web"));
    JsonNode app = created.json();
    assertThat(app.get("id").asText()).isEqualTo("/web");
    assertThat(app.get("instances").asInt()).isEqualTo(2);
    assertThat(app.get("mem").asDouble()).isEqualTo(128.0);
    assertThat(app.get("tasksRunning").asInt()).isZero();
    assertThat(app.get("version").asText()).isNotEmpty();
    String deploymentId = app.at("/deployments/0/id").asText();
    assertThat(node.executor.started).extracting(Deployment::id).containsExactly(deploymentId);

    JsonNode deployments = node.get("/v2/deployments").json();
    assertThat(deployments.size()).isEqualTo(1);
    JsonNode deployment = deployments.get(0);
    assertThat(deployment.get("id").asText()).isEqualTo(deploymentId);
    assertThat(deployment.get("affectedApps").get(0).asText()).isEqualTo("/web");
    assertThat(deployment.at("/steps/0/actions/0/action").asText()).isEqualTo("StartApplication");
    assertThat(deployment.at("/steps/0/actions/0/app").asText()).isEqualTo("/web");
    assertThat(deployment.at("/currentActions/0/action").asText()).isEqualTo("StartApplication");
    assertThat(deployment.get("currentStep").asInt()).isEqualTo(1);
    assertThat(deployment.get("totalSteps").asInt()).isEqualTo(1);
    assertThat(deployment.get("version").asText()).isEqualTo(app.get("version").asText());
  }

  @Test
  void aDuplicateIdIsAConflict() {
    create(WEB);

    ApiNode.Answer duplicate = node.send("POST", "/v2/apps", WEB);

    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.json().get("message").asText()).isEqualTo("An app with id [/web] already exists.");
  }

  @Test
  void anAppInADeploymentIsLockedUnlessForced() {
    String first = create(WEB);

    ApiNode.Answer locked = node.send("PUT", "/v2/apps/web", "{\"cmd\":\"httpd v2\",\"instances\":3}");
    assertThat(locked.status()).isEqualTo(409);
    assertThat(locked.json().get("message").asText()).startsWith("App is locked by one or more deployments.");
    assertThat(locked.json().at("/deployments/0/id").asText()).isEqualTo(first);

    ApiNode.Answer forced = node.send("PUT", "/v2/apps/web?force=true", "{\"cmd\":\"httpd v2\",\"instances\":3}");
    assertThat(forced.status()).isEqualTo(200);
    assertThat(forced.json().get("deploymentId").asText()).isNotEqualTo(first);
    assertThat(forced.json().get("version").asText()).isNotEmpty();
    assertThat(node.executor.cancelled).containsExactly(first);
    assertThat(node.get("/v2/apps/web").json().at("/app/cmd").asText()).isEqualTo("httpd v2");
  }

  @Test
  void getShowsDefinitionsWithStatusAndFilters() {
    finish(create(WEB));
    finish(create("{\"id\":\"/tools/cron\",\"cmd\":\"cron -f\",\"labels\":{\"tier\":\"back\"}}"));
    PathId web = PathId.of("web");
    Instant started = Instant.parse("2024-05-01T10:00:00Z");
    node.status.counts.put(web, new AppCounts(0, 2, 1, 1));
    node.status.tasks.put(
        web,
        List.of(new TaskView("web.1", web, "host-a", "agent-1", List.of(31000), List.of(), List.of(), started, started, "TASK_RUNNING", started, List.of())));
    node.status.failures.put(web, new TaskFailure(web, "web.0", "host-b", "agent-2", "TASK_FAILED", "exit 1", started, started));

    JsonNode all = node.get("/v2/apps").json().get("apps");
    assertThat(all.size()).isEqualTo(2);
    assertThat(all.get(0).get("tasksHealthy")).isNotNull();
    assertThat(all.get(0).has("tasks")).isFalse();

    JsonNode embedded = node.get("/v2/apps?embed=apps.tasks&embed=apps.lastTaskFailure&id=web").json().get("apps");
    assertThat(embedded.size()).isEqualTo(1);
    assertThat(embedded.at("/0/tasks/0/id").asText()).isEqualTo("web.1");
    assertThat(embedded.at("/0/tasks/0/ports/0").asInt()).isEqualTo(31000);
    assertThat(embedded.at("/0/tasks/0/startedAt").asText()).isEqualTo("2024-05-01T10:00:00.000Z");
    assertThat(embedded.at("/0/lastTaskFailure/state").asText()).isEqualTo("TASK_FAILED");
    assertThat(embedded.at("/0/tasksRunning").asInt()).isEqualTo(2);

    assertThat(node.get("/v2/apps?cmd=cron").json().at("/apps/0/id").asText()).isEqualTo("/tools/cron");
    assertThat(node.get("/v2/apps?label=tier==front").json().at("/apps/0/id").asText()).isEqualTo("/web");
    assertThat(node.get("/v2/apps?label=tier%20in%20(back,x)").json().at("/apps/0/id").asText()).isEqualTo("/tools/cron");
    assertThat(node.get("/v2/apps?label=nolabel").json().get("apps").size()).isZero();

    JsonNode single = node.get("/v2/apps/web").json().get("app");
    assertThat(single.get("id").asText()).isEqualTo("/web");
    assertThat(single.at("/tasks/0/host").asText()).isEqualTo("host-a");
    assertThat(single.at("/lastTaskFailure/message").asText()).isEqualTo("exit 1");
    assertThat(single.get("deployments").size()).isZero();
    assertThat(node.get("/v2/apps/tools/cron").json().at("/app/cmd").asText()).isEqualTo("cron -f");
    assertThat(node.get("/v2/apps/web/tasks").json().at("/tasks/0/id").asText()).isEqualTo("web.1");
    assertThat(node.get("/v2/tasks?status=running").json().at("/tasks/0/appId").asText()).isEqualTo("/web");
    assertThat(node.get("/v2/tasks?status=staging").json().get("tasks").size()).isZero();
  }

  @Test
  void anUnknownAppIs404() {
    ApiNode.Answer missing = node.get("/v2/apps/nope");

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("message").asText()).isEqualTo("App '/nope' does not exist");
    assertThat(node.send("DELETE", "/v2/apps/nope", null).status()).isEqualTo(404);
    assertThat(node.send("PATCH", "/v2/apps/nope", "{\"instances\":1}").status()).isEqualTo(404);
  }

  @Test
  void patchChangesOnlyTheFieldsGivenAndVersionsAreKept() {
    String created = create(WEB);
    finish(created);
    String firstVersion = node.get("/v2/apps/web").json().at("/app/version").asText();

    ApiNode.Answer patched = node.send("PATCH", "/v2/apps/web", "{\"instances\":5}");

    assertThat(patched.status()).isEqualTo(200);
    JsonNode app = node.get("/v2/apps/web").json().get("app");
    assertThat(app.get("instances").asInt()).isEqualTo(5);
    assertThat(app.get("cmd").asText()).isEqualTo("httpd -p $PORT0");
    assertThat(app.at("/labels/tier").asText()).isEqualTo("front");
    assertThat(app.get("version").asText()).isEqualTo(patched.json().get("version").asText());
    assertThat(app.at("/versionInfo/lastConfigChangeAt").asText()).isEqualTo(firstVersion);
    assertThat(node.executor.started.get(1).plan().steps().get(0).actions().get(0).type()).isEqualTo(ActionType.SCALE);

    JsonNode versions = node.get("/v2/apps/web/versions").json().get("versions");
    assertThat(versions.size()).isEqualTo(2);
    assertThat(versions.get(0).asText()).isEqualTo(app.get("version").asText());
    assertThat(versions.get(1).asText()).isEqualTo(firstVersion);
    assertThat(node.get("/v2/apps/web/versions/" + firstVersion).json().get("instances").asInt()).isEqualTo(2);
    assertThat(node.get("/v2/apps/web/versions/2020-01-01T00:00:00.000Z").status()).isEqualTo(404);
  }

  @Test
  void putWithOnlyAVersionPutsThatVersionBack() {
    finish(create(WEB));
    String firstVersion = node.get("/v2/apps/web").json().at("/app/version").asText();
    ApiNode.Answer changed = node.send("PUT", "/v2/apps/web", "{\"cmd\":\"httpd v2\",\"instances\":2}");
    finish(changed.json().get("deploymentId").asText());

    ApiNode.Answer back = node.send("PUT", "/v2/apps/web", "{\"version\":\"" + firstVersion + "\"}");

    assertThat(back.status()).isEqualTo(200);
    assertThat(node.get("/v2/apps/web").json().at("/app/cmd").asText()).isEqualTo("httpd -p $PORT0");
    assertThat(node.executor.started.get(2).plan().steps().get(0).actions().get(0).type()).isEqualTo(ActionType.RESTART);
  }

  @Test
  void putCreatesAMissingAppAndUpdatesSeveralAtOnce() {
    ApiNode.Answer created = node.send("PUT", "/v2/apps/fresh", "{\"cmd\":\"sleep 100\"}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/v2/apps/fresh"));
    finish(created.json().get("deploymentId").asText());
    finish(create(WEB));

    ApiNode.Answer many = node.send("PATCH", "/v2/apps", "[{\"id\":\"/fresh\",\"instances\":4},{\"id\":\"web\",\"instances\":0}]");

    assertThat(many.status()).isEqualTo(200);
    assertThat(node.get("/v2/apps/fresh").json().at("/app/instances").asInt()).isEqualTo(4);
    assertThat(node.get("/v2/apps/web").json().at("/app/instances").asInt()).isZero();
    Deployment deployment = node.executor.started.get(node.executor.started.size() - 1);
    assertThat(deployment.plan().affectedApps()).containsExactly(PathId.of("fresh"), PathId.of("web"));
  }

  @Test
  void deleteAndRestartStartDeployments() {
    finish(create(WEB));

    ApiNode.Answer restart = node.send("POST", "/v2/apps/web/restart", null);
    assertThat(restart.status()).isEqualTo(200);
    String restartId = restart.json().get("deploymentId").asText();
    assertThat(node.executor.started.get(1).plan().steps().get(0).actions().get(0).type()).isEqualTo(ActionType.RESTART);

    assertThat(node.send("DELETE", "/v2/apps/web", null).status()).isEqualTo(409);
    ApiNode.Answer deleted = node.send("DELETE", "/v2/apps/web?force=true", null);
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(node.executor.cancelled).containsExactly(restartId);
    assertThat(node.get("/v2/apps/web").status()).isEqualTo(404);
    assertThat(node.executor.started.get(2).plan().steps().get(0).actions().get(0).type()).isEqualTo(ActionType.STOP);
  }

  @Test
  void unreadableJsonIs400WithThePath() {
    ApiNode.Answer wrongType = node.send("POST", "/v2/apps", "{\"id\":\"/a\",\"cmd\":\"x\",\"instances\":\"three\"}");
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.json().get("message").asText()).isEqualTo("Invalid JSON");
    assertThat(wrongType.json().at("/details/0/path").asText()).isEqualTo("/instances");
    assertThat(wrongType.json().at("/details/0/errors/0").asText()).isEqualTo("error.expected.jsnumber");

    ApiNode.Answer nested =
        node.send("POST", "/v2/apps", "{\"id\":\"/a\",\"container\":{\"docker\":{\"image\":\"i\"},\"portMappings\":[{\"containerPort\":80,\"hostPort\":\"x\"}]}}");
    assertThat(nested.json().at("/details/0/path").asText()).isEqualTo("/container/portMappings(0)/hostPort");

    assertThat(node.send("POST", "/v2/apps", "{\"id\":\"/a\",\"cmd\":5}").json().at("/details/0/errors/0").asText())
        .isEqualTo("error.expected.jsstring");
    assertThat(node.send("POST", "/v2/apps", "{\"id\":\"/a\",\"cmd\":\"x\",\"env\":[]}").json().at("/details/0/path").asText())
        .isEqualTo("/env");
    assertThat(node.send("POST", "/v2/apps", "{\"id\":\"/a\",\"cmd\":\"x\",\"killSelection\":\"RANDOM\"}").json().at("/details/0/errors/0").asText())
        .isEqualTo("error.expected.validenumvalue");
    assertThat(node.send("POST", "/v2/apps", "{\"id\":\"/a\",\"cmd\":\"x\",\"constraints\":[[\"hostname\"]]}").json().at("/details/0/errors/0").asText())
        .isEqualTo("Each constraint must have either 2 or 3 fields");

    ApiNode.Answer malformed = node.send("POST", "/v2/apps", "{\"id\":");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("message").asText()).isEqualTo("Invalid JSON");
    assertThat(malformed.json().at("/details/0/path").asText()).isEqualTo("/");
    assertThat(node.get("/v2/apps").json().get("apps").size()).isZero();
  }

  @Test
  void anAbsoluteIdAfterTheSlashIsTheAppAsMarathonClientsSendIt() {
    create(WEB);

    ApiNode.Answer app = node.get("/v2/apps//web");

    assertThat(app.status()).as(app.body()).isEqualTo(200);
    assertThat(app.json().at("/app/id").asText()).isEqualTo("/web");
    assertThat(node.get("/v2/apps//web/tasks").status()).isEqualTo(200);
  }

  @Test
  void networksRoundTripAndAnUnknownModeIs422WithItsPath() {
    ApiNode.Answer created = node.send("POST", "/v2/apps", Fixtures.text("docker-networks-app.json").replace("/prod/api", "/api"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(node.get("/v2/apps/api").json().at("/app/networks").toString()).isEqualTo("[{\"mode\":\"container\",\"name\":\"backend\"}]");

    ApiNode.Answer bad =
        node.send("POST", "/v2/apps", "{\"id\":\"/b\",\"container\":{\"docker\":{\"image\":\"i\"}},\"networks\":[{\"mode\":\"overlay\"}]}");
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.json().get("message").asText()).isEqualTo("Object is not valid");
    assertThat(bad.json().at("/details/0/path").asText()).isEqualTo("/networks(0)/mode");
  }

  @Test
  void invalidDefinitionsAre422WithEveryPath() {
    ApiNode.Answer invalid =
        node.send(
            "POST",
            "/v2/apps",
            "{\"id\":\"/Foo\",\"cmd\":\"x\",\"args\":[\"y\"],\"instances\":-1,\"upgradeStrategy\":{\"minimumHealthCapacity\":1.5},"
                + "\"constraints\":[[\"hostname\",\"SOMETIMES\"],[\"rack\",\"LIKE\",\"[\"]],\"healthChecks\":[{\"protocol\":\"HTTP\",\"portIndex\":3}]}");

    assertThat(invalid.status()).isEqualTo(422);
    JsonNode body = invalid.json();
    assertThat(body.get("message").asText()).isEqualTo("Object is not valid");
    assertThat(body.get("details").findValuesAsText("path"))
        .containsExactlyInAnyOrder(
            "/id", "/", "/instances", "/upgradeStrategy/minimumHealthCapacity", "/constraints(0)", "/constraints(1)", "/healthChecks(0)");
    JsonNode capacity = detail(body, "/upgradeStrategy/minimumHealthCapacity");
    assertThat(capacity.at("/errors/0").asText()).isEqualTo("got 1.5, expected between 0 and 1");
    assertThat(detail(body, "/instances").at("/errors/0").asText()).isEqualTo("got -1, expected 0 or more");
    assertThat(detail(body, "/constraints(1)").at("/errors/0").asText()).isEqualTo("'[' is not a valid regular expression");

    for (String id : List.of("../x", "/web/restart", "/web/tasks", "/web/versions")) {
      ApiNode.Answer badId = node.send("POST", "/v2/apps", "{\"id\":\"" + id + "\",\"cmd\":\"x\"}");
      assertThat(badId.status()).as(id).isEqualTo(422);
      assertThat(detail(badId.json(), "/id")).as(id).isNotNull();
    }
    ApiNode.Answer noImage = node.send("POST", "/v2/apps", "{\"id\":\"/d\",\"container\":{\"type\":\"DOCKER\",\"docker\":{\"image\":\"\"}}}");
    assertThat(detail(noImage.json(), "/container/docker/image").at("/errors/0").asText()).isEqualTo("must not be empty");
    assertThat(node.get("/v2/apps").json().get("apps").size()).isZero();
  }

  private static JsonNode detail(JsonNode body, String path) {
    for (JsonNode detail : body.get("details")) {
      if (detail.get("path").asText().equals(path)) {
        return detail;
      }
    }
    return null;
  }

  @Test
  void bodiesBeyondTheLimitAre413() {
    String padding = "x".repeat(70 * 1024);
    String big = "{\"id\":\"/big\",\"cmd\":\"" + padding + "\"}";

    ApiNode.Answer declared = node.send("POST", "/v2/apps", big);
    assertThat(declared.status()).isEqualTo(413);
    assertThat(declared.json().get("message").asText()).contains("limit is 65536 bytes");

    HttpRequest chunked =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port + "/v2/apps"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes())))
            .build();
    assertThat(node.send(chunked).status()).isEqualTo(413);
    assertThat(node.get("/v2/apps/big").status()).isEqualTo(404);
  }

  @Test
  void dockerAppFixtureIsAcceptedAsIs() {
    String docker = Fixtures.text("docker-app.json").replace("\"dependencies\": [\"/prod/db\"],", "");
    ApiNode.Answer created = node.send("POST", "/v2/apps", docker);

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode app = node.get("/v2/apps/prod/web").json().get("app");
    assertThat(app.at("/container/docker/image").asText()).isEqualTo("busybox:1");
    assertThat(app.at("/container/portMappings/1/hostPort").asInt()).isEqualTo(31555);
    assertThat(app.at("/constraints/1/2").asText()).isEqualTo("3");
    assertThat(app.at("/healthChecks/0/path").asText()).isEqualTo("/health");
  }
}
