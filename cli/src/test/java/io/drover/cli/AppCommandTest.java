package io.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class AppCommandTest {
  private static final String WEB =
      "{\"id\":\"/web\",\"cmd\":\"python3 -m http.server\",\"instances\":2,\"cpus\":0.5,\"mem\":64,\"version\":\"2024-05-01T10:00:00.000Z\","
          + "\"tasksRunning\":2,\"tasksHealthy\":1,\"tasksStaged\":0,\"tasksUnhealthy\":0,\"deployments\":[]}";
  private static final String WEB_WITH_TASK =
      "{\"app\":{\"id\":\"/web\",\"instances\":1,\"tasksRunning\":1,\"deployments\":[],\"version\":\"2024-05-01T10:00:00.000Z\",\"tasks\":[{\"id\":\"web.1\",\"appId\":\"/web\","
          + "\"state\":\"TASK_RUNNING\",\"version\":\"2024-05-01T10:00:00.000Z\",\"healthCheckResults\":[]}]}}";

  @TempDir Path dir;
  @RegisterExtension final FakeMarathon marathon = new FakeMarathon();

  private Path file(String content) throws IOException {
    return Files.writeString(dir.resolve("app.json"), content);
  }

  @Test
  void listIsATableAndJsonIsTheApisAnswer() throws Exception {
    marathon.on("GET /v2/apps", 200, "{\"apps\":[" + WEB + "]}");

    Run table = Run.app("list", "--marathon", marathon.url());
    Run json = Run.app("list", "--json", "--marathon", marathon.url());

    assertThat(table.exitCode()).isZero();
    assertThat(table.out()).isEqualTo(
        "ID    STATUS   RUNNING  HEALTHY  CPUS  MEM  RUNS\n"
            + "/web  Running  2/2      1        0.5   64   python3 -m http.server\n");
    assertThat(json.exitCode()).isZero();
    assertThat(Json.parse(json.out()).path("apps").get(0).path("id").asText()).isEqualTo("/web");
  }

  @Test
  void anUnknownAppPrintsTheApisMessageAndExitsOne() {
    marathon.on("GET /v2/apps/nope", 404, "{\"message\":\"App '/nope' does not exist\"}");

    Run run = Run.app("show", "nope", "--marathon", marathon.url());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("app show: App '/nope' does not exist (HTTP 404)\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void showListsTheAppsFieldsAndTasks() {
    marathon.on("GET /v2/apps/web", 200, WEB_WITH_TASK);

    Run run = Run.app("show", "/web", "--marathon", marathon.url());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("id         /web").contains("status     Running").contains("web.1  /web  RUNNING");
  }

  @Test
  void validationErrorsShowEachPathWithItsErrors() throws Exception {
    marathon.on(
        "PUT /v2/apps/web", 422,
        "{\"message\":\"Object is not valid\",\"details\":[{\"path\":\"/mem\",\"errors\":[\"got -1, expected 0.0 or more\"]},"
            + "{\"path\":\"/cmd\",\"errors\":[\"a\",\"b\"]}]}");

    Run run = Run.app("deploy", "-f", file("{\"id\":\"/web\",\"mem\":-1}").toString(), "--no-wait", "--marathon", marathon.url());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo(
        "app deploy: Object is not valid (HTTP 422)\n  /mem: got -1, expected 0.0 or more\n  /cmd: a, b\n");
  }

  @Test
  void aMissingFileInvalidJsonAndADefinitionWithoutIdAreUsageErrorsAndSendNothing() throws Exception {
    Run missing = Run.app("deploy", "-f", dir.resolve("absent.json").toString(), "--marathon", marathon.url());
    Run invalid = Run.app("deploy", "-f", file("{\"id\": \"/web\",").toString(), "--marathon", marathon.url());
    Run noId = Run.app("deploy", "-f", file("{\"cmd\": \"sleep 1\"}").toString(), "--marathon", marathon.url());

    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).startsWith("app deploy: " + dir.resolve("absent.json") + ": no such file\n").contains("Usage: app deploy");
    assertThat(invalid.exitCode()).isEqualTo(2);
    assertThat(invalid.err()).contains(": not valid JSON at line 1");
    assertThat(noId.exitCode()).isEqualTo(2);
    assertThat(noId.err()).contains("the app definition has no \"id\"");
    assertThat(marathon.requests()).isEmpty();
  }

  @Test
  void unknownOptionsAndMissingParametersAreUsageErrors() {
    assertThat(Run.app("list", "--no-such-flag").exitCode()).isEqualTo(2);
    assertThat(Run.app("scale", "/web").exitCode()).isEqualTo(2);
    Run negative = Run.app("scale", "/web", "-1", "--marathon", marathon.url());
    assertThat(negative.exitCode()).isEqualTo(2);
    assertThat(negative.err()).contains("N must be 0 or more");
    Run badUrl = Run.app("list", "--marathon", "localhost:8080");
    assertThat(badUrl.exitCode()).isEqualTo(2);
    assertThat(badUrl.err()).contains("is not an http:// or https:// URL");
  }

  @Test
  void anUnreachableMarathonIsOneClearLine() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }

    Run run = Run.app("list", "--marathon", "http://127.0.0.1:" + closed);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("app list: marathon-app at http://127.0.0.1:" + closed + " is unreachable (").doesNotContain("Exception").hasLineCount(1);
  }

  @Test
  void deployFollowsTheEventStreamUntilTheDeploymentSucceeds() throws Exception {
    AtomicInteger polls = new AtomicInteger();
    marathon.withEvents()
        .on("PUT /v2/apps/web", 201, "{\"deploymentId\":\"d1\",\"version\":\"2024-05-01T10:00:00.000Z\"}")
        .on("GET /v2/apps/web", 200, WEB_WITH_TASK)
        .on("GET /v2/deployments", (query, body) -> {
          if (polls.incrementAndGet() == 1) {
            marathon.emit("status_update_event", "{\"taskId\":\"web.1\",\"taskStatus\":\"TASK_RUNNING\"}");
            return new FakeMarathon.Answer(200, "[{\"id\":\"d1\",\"affectedApps\":[\"/web\"],\"currentStep\":1,\"totalSteps\":1,"
                + "\"steps\":[{\"actions\":[{\"action\":\"StartApplication\",\"app\":\"/web\"}]}],\"currentActions\":[{\"action\":\"StartApplication\",\"app\":\"/web\"}]}]");
          }
          marathon.emit("deployment_success", "{\"id\":\"d1\"}");
          return new FakeMarathon.Answer(200, "[{\"id\":\"d1\",\"affectedApps\":[\"/web\"],\"currentStep\":1,\"totalSteps\":1,"
              + "\"steps\":[{\"actions\":[{\"action\":\"StartApplication\",\"app\":\"/web\"}]}],\"currentActions\":[{\"action\":\"StartApplication\",\"app\":\"/web\"}]}]");
        });

    Run run = Run.app("deploy", "-f", file("{\"id\":\"/web\",\"cmd\":\"sleep 100\"}").toString(), "--marathon", marathon.url());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines())
        .first().isEqualTo("deployment d1 started (version 2024-05-01T10:00:00.000Z)");
    assertThat(run.out()).contains("[########################] 100%  step 1/1  /web 1/1 healthy\n").containsPattern("deployment d1 succeeded in [0-9.]+ s\n$");
    assertThat(marathon.requests()).filteredOn(r -> r.method().equals("PUT")).singleElement()
        .satisfies(put -> assertThat(Json.parse(put.body()).path("cmd").asText()).isEqualTo("sleep 100"));
    assertThat(run.err()).isEmpty();
  }

  @Test
  void aFailedDeploymentEventExitsOneWithItsReason() throws Exception {
    marathon.withEvents()
        .on("PATCH /v2/apps/web", (query, body) -> {
          marathon.emit("deployment_failed", "{\"id\":\"d2\",\"reason\":\"step 1 of 1 did not finish within its progress deadline of 2 s\"}");
          return new FakeMarathon.Answer(200, "{\"deploymentId\":\"d2\",\"version\":\"2024-05-01T10:00:00.000Z\"}");
        });

    Run run = Run.app("scale", "/web", "5", "--marathon", marathon.url());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("app scale: deployment d2 failed: step 1 of 1 did not finish within its progress deadline of 2 s\n");
    assertThat(marathon.requests()).filteredOn(r -> r.method().equals("PATCH")).singleElement().extracting(FakeMarathon.Request::body).isEqualTo("{\"instances\":5}");
  }

  @Test
  void withoutAnEventStreamTheAppsDecideOnceTheDeploymentLeftTheList() throws Exception {
    marathon
        .on("POST /v2/apps/web/restart", 200, "{\"deploymentId\":\"d3\",\"version\":\"2024-05-01T10:00:00.000Z\"}")
        .on("GET /v2/deployments", 200, "[]")
        .on("GET /v2/apps/web", 200, WEB_WITH_TASK.replace("\"instances\":1", "\"instances\":2"));

    Run run = Run.app("restart", "web", "--marathon", marathon.url());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("drover: live events unavailable (").contains("polling every 1 s")
        .contains("app restart: deployment d3 failed: it ended before its apps were ready (/web 1/2 healthy)");
  }

  @Test
  void noWaitReturnsOnceTheDeploymentStarted() throws Exception {
    marathon.on("DELETE /v2/apps/web", 200, "{\"deploymentId\":\"d4\",\"version\":\"2024-05-01T10:00:00.000Z\"}");

    Run run = Run.app("destroy", "/web", "--no-wait", "--force", "--marathon", marathon.url());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("deployment d4 started (version 2024-05-01T10:00:00.000Z)\n");
    assertThat(marathon.requests()).singleElement().extracting(FakeMarathon.Request::query).isEqualTo("force=true");
  }

  @Test
  void rollbackWithoutVersionPutsBackTheVersionBeforeTheCurrent() throws Exception {
    marathon
        .on("GET /v2/apps/web", 200, "{\"app\":{\"id\":\"/web\",\"version\":\"2024-05-01T12:00:00.000Z\"}}")
        .on("GET /v2/apps/web/versions", 200, "{\"versions\":[\"2024-05-01T12:00:00.000Z\",\"2024-05-01T10:00:00.000Z\",\"2024-05-01T11:00:00.000Z\"]}")
        .on("PUT /v2/apps/web", 200, "{\"deploymentId\":\"d5\",\"version\":\"2024-05-01T13:00:00.000Z\"}");

    Run run = Run.app("rollback", "/web", "--no-wait", "--marathon", marathon.url());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("rolling /web back to version 2024-05-01T11:00:00.000Z\n");
    assertThat(marathon.requests()).filteredOn(r -> r.method().equals("PUT")).singleElement()
        .extracting(FakeMarathon.Request::body).isEqualTo("{\"version\":\"2024-05-01T11:00:00.000Z\"}");
  }

  @Test
  void rollbackOfAnAppWithOneVersionSaysSo() {
    marathon
        .on("GET /v2/apps/web", 200, "{\"app\":{\"id\":\"/web\",\"version\":\"2024-05-01T12:00:00.000Z\"}}")
        .on("GET /v2/apps/web/versions", 200, "{\"versions\":[\"2024-05-01T12:00:00.000Z\"]}");

    Run run = Run.app("rollback", "/web", "--marathon", marathon.url());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("app rollback: app /web has no version before 2024-05-01T12:00:00.000Z to roll back to\n");
  }

  @Test
  void aLockedAppNamesTheDeploymentInTheWay() throws Exception {
    marathon.on("POST /v2/apps/web/restart", 409, "{\"message\":\"App is locked by one or more deployments.\",\"deployments\":[{\"id\":\"d9\"}]}");

    Run run = Run.app("restart", "/web", "--no-wait", "--marathon", marathon.url());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("App is locked by one or more deployments. (HTTP 409)").contains("  deployment d9 is under way");
  }

  @Test
  void aDestroyedAppEndsAtNoInstancesWantedNorRunning() {
    marathon.withEvents().on("DELETE /v2/apps/web", (query, body) -> {
      marathon.emit("deployment_success", "{\"id\":\"d6\"}");
      return new FakeMarathon.Answer(200, "{\"deploymentId\":\"d6\",\"version\":\"2024-05-01T10:00:00.000Z\"}");
    });

    Run run = Run.app("destroy", "/web", "--marathon", marathon.url());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("[########################] 100%  step 1/1  /web 0/0 healthy\n");
  }
}
