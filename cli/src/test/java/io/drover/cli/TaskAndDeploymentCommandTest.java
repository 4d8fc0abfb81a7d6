package io.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TaskAndDeploymentCommandTest {
  private static final String TASKS =
      "{\"tasks\":[{\"id\":\"web.a\",\"appId\":\"/web\",\"host\":\"local-1\",\"state\":\"TASK_RUNNING\",\"ports\":[31001,31002],"
          + "\"startedAt\":\"2024-05-01T10:00:01.000Z\",\"version\":\"2024-05-01T10:00:00.000Z\",\"healthCheckResults\":[{\"alive\":true}]}]}";
  private static final String DEPLOYMENT =
      "[{\"id\":\"d1\",\"version\":\"2024-05-01T10:00:00.000Z\",\"affectedApps\":[\"/web\"],\"currentStep\":1,\"totalSteps\":2,"
          + "\"steps\":[{\"actions\":[{\"action\":\"RestartApplication\",\"app\":\"/web\"}]},{\"actions\":[]}],"
          + "\"currentActions\":[{\"action\":\"RestartApplication\",\"app\":\"/web\"}]}]";

  @RegisterExtension final FakeMarathon marathon = new FakeMarathon();

  private Run task(String... args) {
    return Run.of(new TaskCommand(), append(args));
  }

  private Run deployment(String... args) {
    return Run.of(new DeploymentCommand(), append(args));
  }

  private String[] append(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--marathon";
    all[args.length + 1] = marathon.url();
    return all;
  }

  @Test
  void taskListIsATableOfAllTasksOrOneAppsTasks() {
    marathon.on("GET /v2/tasks", 200, TASKS).on("GET /v2/apps/web/tasks", 200, TASKS);

    Run all = task("list");
    Run ofApp = task("list", "--app", "/web");

    assertThat(all.out()).isEqualTo(
        "ID     APP   STATE    HEALTH   HOST     PORTS        STARTED                   VERSION\n"
            + "web.a  /web  RUNNING  healthy  local-1  31001,31002  2024-05-01T10:00:01.000Z  2024-05-01T10:00:00.000Z\n");
    assertThat(ofApp.out()).isEqualTo(all.out());
    assertThat(marathon.count("GET", "/v2/apps/web/tasks")).isEqualTo(1);
  }

  @Test
  void killingATaskSendsItsIdAndAnUnknownTaskExitsOne() throws Exception {
    marathon.on("POST /v2/tasks/delete", (query, body) -> new FakeMarathon.Answer(200, body.contains("web.a") ? TASKS : "{\"tasks\":[]}"));

    Run killed = task("kill", "web.a");
    Run unknown = task("kill", "nope");

    assertThat(killed.exitCode()).isZero();
    assertThat(killed.out()).isEqualTo("killed web.a\n");
    assertThat(marathon.requests().get(0).query()).isEqualTo("scale=false");
    assertThat(Json.parse(marathon.requests().get(0).body()).path("ids").get(0).asText()).isEqualTo("web.a");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).isEqualTo("task kill: task nope is not a task of any app (see drover task list)\n");
  }

  @Test
  void killWithScaleStartsADeploymentOfTheTasksApp() {
    marathon.on("GET /v2/tasks", 200, TASKS).on("POST /v2/tasks/delete", 200, "{\"deploymentId\":\"d7\",\"version\":\"2024-05-01T10:00:00.000Z\"}");

    Run run = task("kill", "web.a", "--scale", "--no-wait");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("deployment d7 started (version 2024-05-01T10:00:00.000Z)\n");
    assertThat(marathon.requests()).filteredOn(r -> r.method().equals("POST")).singleElement().extracting(FakeMarathon.Request::query).isEqualTo("scale=true");
  }

  @Test
  void deploymentListShowsStepsAndCurrentActions() throws Exception {
    marathon.on("GET /v2/deployments", 200, DEPLOYMENT);

    Run table = deployment("list");
    Run json = deployment("list", "--json");

    assertThat(table.out()).isEqualTo(
        "ID  APPS  STEP  CURRENT ACTIONS          VERSION\n"
            + "d1  /web  1/2   RestartApplication /web  2024-05-01T10:00:00.000Z\n");
    assertThat(Json.parse(json.out()).get(0).path("id").asText()).isEqualTo("d1");
  }

  @Test
  void watchFollowsADeploymentToItsEndAndRefusesOneNotUnderWay() {
    AtomicInteger polls = new AtomicInteger();
    marathon.withEvents()
        .on("GET /v2/apps/web", 200, "{\"app\":{\"id\":\"/web\",\"instances\":1,\"version\":\"2024-05-01T10:00:00.000Z\",\"tasks\":[]}}")
        .on("GET /v2/deployments", (query, body) -> {
          if (polls.incrementAndGet() == 2) {
            marathon.emit("deployment_success", "{\"id\":\"d1\"}");
          }
          return new FakeMarathon.Answer(200, DEPLOYMENT);
        });

    Run watched = deployment("watch", "d1");
    Run unknown = deployment("watch", "d0");

    assertThat(watched.exitCode()).as(watched.err()).isZero();
    assertThat(watched.out()).startsWith("[------------------------]   0%  step 1/2  /web 0/1 healthy\n").containsPattern("deployment d1 succeeded in [0-9.]+ s\n$");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).contains("no deployment d0 is under way");
  }
}
