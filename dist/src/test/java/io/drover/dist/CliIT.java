package io.drover.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The {@code drover} client commands against a real {@code drover local} process: run in process through
 * {@link Drover#commandLine()} with captured output, and through the packaged jar as a separate process.
 */
@Tag("slow")
class CliIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path work;
  private static LocalCluster local;
  private static String marathon;

  /** One in-process run: exit code and output. */
  private record Run(int exitCode, String out, String err) {
    String all() {
      return out + err;
    }
  }

  @BeforeAll
  static void startLocalCluster() throws Exception {
    local = LocalCluster.start(work, 1, "cpus:2;mem:1024;disk:1024;ports:[31000-31100]");
    marathon = local.marathonUrl();
  }

  @AfterAll
  static void stopLocalCluster() throws Exception {
    if (local != null) {
      local.close();
    }
  }

  /** {@code drover ARGS --marathon URL} in this process. */
  private static Run drover(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--marathon", marathon));
    return droverAsIs(all.toArray(String[]::new));
  }

  private static Run droverAsIs(String... args) {
    CommandLine cli = Drover.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static Path appFile(String name, String json) throws IOException {
    return Files.writeString(work.resolve(name), json);
  }

  @Test
  void anAppFromDeployToDestroy() throws Exception {
    Path file = appFile("web.json", "{\"id\": \"/cli/web\", \"cmd\": \"echo hello-from-cli-web; sleep 600\", \"instances\": 1, \"cpus\": 0.1, \"mem\": 32}");

    Run deploy = drover("app", "deploy", "-f", file.toString());
    assertThat(deploy.exitCode()).as(deploy.all()).isZero();
    assertThat(deploy.out())
        .startsWith("deployment ")
        .contains("step 1/1  /cli/web ")
        .contains("[########################] 100%  step 1/1  /cli/web 1/1 healthy\n")
        .containsPattern("deployment \\S+ succeeded in [0-9.]+ s\n$");

    Run list = drover("app", "list");
    assertThat(list.out()).containsPattern("/cli/web +Running +1/1 +0 +0.1 +32 +echo hello-from-cli-web; sleep 600");
    assertThat(JSON.readTree(drover("app", "list", "--json").out()).path("apps").get(0).path("id").asText()).isEqualTo("/cli/web");
    assertThat(drover("app", "show", "/cli/web").out()).containsPattern("status +Running").containsPattern("RUNNING +-");
    assertThat(JSON.readTree(drover("app", "show", "cli/web", "--json").out()).path("app").path("instances").asInt()).isEqualTo(1);

    JsonNode tasks = JSON.readTree(drover("task", "list", "--app", "/cli/web", "--json").out()).path("tasks");
    assertThat(tasks).hasSize(1);
    String taskId = tasks.get(0).path("id").asText();
    assertThat(drover("task", "list").out()).contains(taskId).containsPattern(taskId + " +/cli/web +RUNNING");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(drover("logs", taskId).out()).contains("hello-from-cli-web\n"));
    Run stderr = drover("logs", taskId, "--stderr");
    assertThat(stderr.exitCode()).as(stderr.all()).isZero();
    assertThat(stderr.out()).doesNotContain("hello-from-cli-web");

    Run scale = drover("app", "scale", "/cli/web", "2");
    assertThat(scale.exitCode()).as(scale.all()).isZero();
    assertThat(scale.out()).contains("/cli/web 2/2 healthy");

    Run restart = drover("app", "restart", "/cli/web", "--no-wait");
    assertThat(restart.exitCode()).as(restart.all()).isZero();
    String restartId = restart.out().split(" ")[1];
    Run watch = drover("deployment", "watch", restartId);
    Run notUnderWay = drover("deployment", "watch", "no-such-deployment");
    assertThat(watch.exitCode()).as(watch.all()).isZero();
    assertThat(watch.out()).contains("deployment " + restartId + " succeeded");
    assertThat(notUnderWay.exitCode()).isEqualTo(1);
    assertThat(notUnderWay.err()).contains("no deployment no-such-deployment is under way");

    Run rollback = drover("app", "rollback", "/cli/web");
    assertThat(rollback.exitCode()).as(rollback.all()).isZero();
    assertThat(rollback.out()).startsWith("rolling /cli/web back to version ").contains("succeeded");

    String oneTask = JSON.readTree(drover("task", "list", "--app", "/cli/web", "--json").out()).path("tasks").get(0).path("id").asText();
    Run kill = drover("task", "kill", oneTask, "--scale");
    assertThat(kill.exitCode()).as(kill.all()).isZero();
    assertThat(JSON.readTree(drover("app", "show", "/cli/web", "--json").out()).path("app").path("instances").asInt()).isEqualTo(1);
    assertThat(drover("deployment", "list").out()).isEqualTo("no deployments under way\n");

    Run destroy = drover("app", "destroy", "/cli/web");
    assertThat(destroy.exitCode()).as(destroy.all()).isZero();
    Run gone = drover("app", "show", "/cli/web");
    assertThat(gone.exitCode()).isEqualTo(1);
    assertThat(gone.err()).isEqualTo("drover app show: App '/cli/web' does not exist (HTTP 404)\n");
  }

  @Test
  void aDeploymentThatMissesItsProgressDeadlineFailsWithExitOneThroughTheJar() throws Exception {
    Path file =
        appFile(
            "too-big.json",
            "{\"id\": \"/cli/too-big\", \"cmd\": \"sleep 600\", \"cpus\": 0.1, \"mem\": 100000,"
                + " \"labels\": {\"DROVER_PROGRESS_DEADLINE_SECONDS\": \"2\"}}");
    try (DroverProcess deploy = DroverProcess.start(work, "deploy-too-big", "app", "deploy", "-f", file.toString(), "--marathon", marathon)) {
      assertThat(deploy.awaitExit(60)).as(deploy.output()).isEqualTo(1);
      assertThat(deploy.output())
          .contains("step 1/1  /cli/too-big 0/1 healthy\n")
          .contains("drover app deploy: deployment ")
          .contains("failed: step 1 of 1 did not finish within its progress deadline of 2 s")
          .doesNotContain("\tat ");
    }
    assertThat(drover("app", "destroy", "/cli/too-big", "--force").exitCode()).isZero();
  }

  @Test
  void badInputIsAMessageAndAnExitCode() throws Exception {
    Run missing = drover("app", "deploy", "-f", work.resolve("absent.json").toString());
    Run invalid = drover("app", "deploy", "-f", appFile("broken.json", "{\"id\": \"/x\", \"cmd\": ").toString());
    Run unknownApp = drover("app", "scale", "/no-such-app", "3");
    Run unknownFlag = drover("app", "list", "--no-such-flag");
    Run invalidApp = drover("app", "deploy", "-f", appFile("invalid.json", "{\"id\": \"/cli/invalid\", \"cmd\": \"sleep 1\", \"mem\": -1}").toString());

    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("absent.json: no such file").contains("Usage: drover app deploy");
    assertThat(invalid.exitCode()).isEqualTo(2);
    assertThat(invalid.err()).contains("broken.json: not valid JSON at line 1");
    assertThat(unknownApp.exitCode()).isEqualTo(1);
    assertThat(unknownApp.err()).contains("App '/no-such-app' does not exist (HTTP 404)");
    assertThat(unknownFlag.exitCode()).isEqualTo(2);
    assertThat(unknownFlag.err()).contains("Unknown option: '--no-such-flag'");
    assertThat(invalidApp.exitCode()).isEqualTo(1);
    assertThat(invalidApp.err()).contains("Object is not valid (HTTP 422)").containsPattern("\n  /mem: .+");
    assertThat(missing.all() + invalid.all() + unknownApp.all() + invalidApp.all()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void theJarListsAppsAsJsonAndRefusesUnknownFlags() throws Exception {
    try (DroverProcess list = DroverProcess.start(work, "jar-list", "app", "list", "--json", "--marathon", marathon)) {
      assertThat(list.awaitExit(30)).as(list.output()).isZero();
      assertThat(JSON.readTree(list.output()).has("apps")).isTrue();
    }
    try (DroverProcess bad = DroverProcess.start(work, "jar-bad-flag", "task", "list", "--bogus")) {
      assertThat(bad.awaitExit(30)).isEqualTo(2);
      assertThat(bad.output()).contains("Unknown option: '--bogus'").contains("Usage: drover task list");
    }
    int closed = LocalCluster.freePort();
    try (DroverProcess unreachable = DroverProcess.start(work, "jar-unreachable", "deployment", "list", "--marathon", "http://127.0.0.1:" + closed)) {
      assertThat(unreachable.awaitExit(30)).isEqualTo(1);
      assertThat(unreachable.output().strip())
          .isEqualTo("drover deployment list: marathon-app at http://127.0.0.1:" + closed + " is unreachable (connection refused); start it or pass --marathon URL");
    }
  }

  @Test
  void logsFollowsATaskUntilItEndsAndItsFileIsDrained() throws Exception {
    Path file =
        appFile(
            "ticker.json",
            "{\"id\": \"/cli/ticker\", \"cmd\": \"for i in 1 2 3; do echo tick-$i; sleep 1; done; sleep 600\", \"cpus\": 0.1, \"mem\": 32}");
    assertThat(drover("app", "deploy", "-f", file.toString()).exitCode()).isZero();
    String taskId = JSON.readTree(drover("task", "list", "--app", "/cli/ticker", "--json").out()).path("tasks").get(0).path("id").asText();

    try (DroverProcess follow = DroverProcess.start(work, "logs-follow", "logs", taskId, "--follow", "--marathon", marathon)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> follow.output().contains("tick-3\n"));
      assertThat(follow.isAlive()).as("it follows while the task runs").isTrue();
      assertThat(drover("app", "destroy", "/cli/ticker").exitCode()).isZero();
      assertThat(follow.awaitExit(30)).as(follow.output()).isZero();
      assertThat(follow.output()).startsWith("tick-1\ntick-2\ntick-3\n").doesNotContain("Exception");
    }
    Run unknown = drover("logs", "no-such-task");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).isEqualTo("drover logs: Task 'no-such-task' does not exist (HTTP 404)\n");
  }

  @Test
  void clusterListsTheAgentAndMarathonAsAFramework() throws Exception {
    Run cluster = drover("cluster");
    assertThat(cluster.exitCode()).as(cluster.all()).isZero();
    assertThat(cluster.out())
        .startsWith("leader: ")
        .containsPattern("\\S+ +127\\.0\\.0\\.1 +\\S+ +[0-9.]+/2 +[0-9.]+/1024 +[0-9.]+/1024 +\\S* of \\[31000-31100\\]")
        .containsPattern("\\S+ +marathon +\\S+ +\\S+ +[0-9.]+% +[0-9]+");

    JsonNode state = JSON.readTree(drover("cluster", "--json").out());
    assertThat(state.path("agents")).extracting(agent -> agent.path("hostname").asText()).containsExactly("127.0.0.1");
  }
}
