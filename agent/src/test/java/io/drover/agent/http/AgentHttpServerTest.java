package io.drover.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drover.agent.AgentState;
import io.drover.agent.Tasks;
import io.drover.agent.containerizer.ContainerId;
import io.drover.agent.containerizer.ResourceUsage;
import io.drover.agent.sandbox.SandboxFiles;
import io.drover.agent.sandbox.SandboxLayout;
import io.drover.agent.task.TaskView;
import io.drover.core.AgentId;
import io.drover.core.AgentInfo;
import io.drover.core.Attributes;
import io.drover.core.FrameworkId;
import io.drover.core.FrameworkInfo;
import io.drover.core.Resources;
import io.drover.core.TaskState;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's HTTP API over real HTTP: Mesos's sandbox files API, /state and /health. One server serves every test. */
class AgentHttpServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final FrameworkId FRAMEWORK = FrameworkId.of("fw-1");

  @TempDir static Path work;
  @TempDir static Path elsewhere;
  private static AgentHttpServer server;
  private static int port;
  private static Path run;
  private static Path latest;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    SandboxLayout layout = new SandboxLayout(work);
    run = layout.createRun(Tasks.AGENT, FRAMEWORK, Tasks.shell("t1", "true").id(), new ContainerId("run-1"));
    latest = layout.latestRun(Tasks.AGENT, FRAMEWORK, Tasks.shell("t1", "true").id());
    Files.writeString(run.resolve("stdout"), "0123456789abcdef");
    Files.createDirectories(run.resolve("logs"));
    Files.writeString(elsewhere.resolve("secret"), "do not serve");
    Files.createSymbolicLink(run.resolve("escape"), elsewhere);
    Files.createSymbolicLink(run.resolve("escape-file"), elsewhere.resolve("secret"));

    AgentInfo info = new AgentInfo("host-1", 5051, Resources.parse("cpus:2;mem:1024;ports:[31000-32000]"), Attributes.parse("rack:r1"), Set.of());
    AgentState state =
        new AgentState(
            Optional.of(AgentId.of("agent-1")),
            info,
            Optional.empty(),
            true,
            List.of(FrameworkInfo.named("marathon").withId(FRAMEWORK)),
            List.of(new TaskView(FRAMEWORK, Tasks.shell("t1", "true"), TaskState.TASK_RUNNING, Optional.of(run.toString()), Optional.of(new ContainerId("run-1")))),
            List.of(new TaskView(FRAMEWORK, Tasks.shell("t0", "false"), TaskState.TASK_FAILED, Optional.of(run.toString()), Optional.empty())));
    ResourceUsage used = new ResourceUsage(1.5, 4096, 2);
    server = new AgentHttpServer("127.0.0.1", 0, new SandboxFiles(layout), () -> state, id -> id.value().equals("run-1") ? Optional.of(used) : Optional.empty());
    port = server.start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> files(String op, Object path, String extra) throws Exception {
    return get("/files/" + op + "?path=" + URLEncoder.encode(path.toString(), StandardCharsets.UTF_8) + extra);
  }

  @Test
  void browsesASandboxThroughItsLatestLink() throws Exception {
    HttpResponse<String> response = files("browse", latest, "");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode entries = JSON.readTree(response.body());
    assertThat(entries.findValuesAsText("path"))
        .containsExactly(
            latest.resolve("escape").toString(),
            latest.resolve("escape-file").toString(),
            latest.resolve("logs").toString(),
            latest.resolve("stderr").toString(),
            latest.resolve("stdout").toString());
    JsonNode stdout = entries.get(4);
    assertThat(stdout.get("size").asLong()).isEqualTo(16);
    assertThat(stdout.get("mode").asText()).startsWith("-rw");
    assertThat(stdout.get("mtime").asLong()).isPositive();
    assertThat(stdout.get("nlink").asLong()).isEqualTo(1);
    assertThat(entries.get(2).get("mode").asText()).startsWith("d");
    assertThat(entries.get(0).get("mode").asText()).startsWith("l");
  }

  @Test
  void readsWithOffsetAndLength() throws Exception {
    JsonNode all = JSON.readTree(files("read", latest.resolve("stdout"), "&offset=0").body());
    assertThat(all.get("data").asText()).isEqualTo("0123456789abcdef");
    assertThat(all.get("offset").asLong()).isZero();

    JsonNode part = JSON.readTree(files("read", run.resolve("stdout"), "&offset=10&length=4").body());
    assertThat(part.get("data").asText()).isEqualTo("abcd");
    assertThat(part.get("offset").asLong()).isEqualTo(10);

    JsonNode size = JSON.readTree(files("read", latest.resolve("stdout"), "&offset=-1").body());
    assertThat(size.get("data").asText()).isEmpty();
    assertThat(size.get("offset").asLong()).isEqualTo(16);

    JsonNode past = JSON.readTree(files("read", latest.resolve("stdout"), "&offset=100&length=5").body());
    assertThat(past.get("data").asText()).isEmpty();
    assertThat(past.get("offset").asLong()).isEqualTo(16);
  }

  @Test
  void aReadNeverCutsACharacterSoTheNextStartsWhereItEnded() throws Exception {
    Files.writeString(run.resolve("stderr"), "aé", StandardCharsets.UTF_8);

    JsonNode first = JSON.readTree(files("read", run.resolve("stderr"), "&offset=0&length=2").body());
    assertThat(first.get("data").asText()).as("é's second byte was not read: é waits").isEqualTo("a");
    long next = first.get("offset").asLong() + first.get("data").asText().getBytes(StandardCharsets.UTF_8).length;
    JsonNode second = JSON.readTree(files("read", run.resolve("stderr"), "&offset=" + next + "&length=2").body());
    assertThat(second.get("data").asText()).isEqualTo("é");
  }

  @Test
  void badReadParametersAreRefused() throws Exception {
    assertThat(files("read", latest.resolve("stdout"), "&offset=abc").statusCode()).isEqualTo(400);
    assertThat(files("read", latest.resolve("stdout"), "&offset=-2").statusCode()).isEqualTo(400);
    assertThat(files("read", latest.resolve("stdout"), "&length=-1").statusCode()).isEqualTo(400);
    assertThat(files("read", latest, "").statusCode()).isEqualTo(400);
  }

  @Test
  void downloadsAFile() throws Exception {
    HttpResponse<String> response = files("download", latest.resolve("stdout"), "");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("0123456789abcdef");
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/octet-stream"));
    assertThat(response.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"stdout\"");
    assertThat(files("download", latest, "").statusCode()).isEqualTo(400);
  }

  @Test
  void aPathWithDotDotIsABadRequest() throws Exception {
    HttpResponse<String> response = get("/files/read?path=" + latest + "/../run-1/stdout");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("'..'");
    assertThat(files("browse", "relative/path", "").statusCode()).isEqualTo(400);
    assertThat(get("/files/browse").statusCode()).isEqualTo(400);
  }

  @Test
  void aPathOutsideEverySandboxIsForbidden() throws Exception {
    assertThat(files("read", elsewhere.resolve("secret"), "").statusCode()).isEqualTo(403);
    assertThat(files("browse", "/etc", "").statusCode()).isEqualTo(403);
    assertThat(files("browse", work.resolve("agents"), "").statusCode()).isEqualTo(403);
    assertThat(files("browse", work.resolve("agents/agent-1/frameworks/fw-1/tasks/t1/runs"), "").statusCode()).isEqualTo(403);
    assertThat(files("download", "/etc/does-not-exist", "").statusCode()).isEqualTo(403);
  }

  @Test
  void aSymlinkEscapingTheSandboxIsForbidden() throws Exception {
    HttpResponse<String> file = files("read", latest.resolve("escape-file"), "");
    assertThat(file.statusCode()).isEqualTo(403);
    assertThat(file.body()).doesNotContain("do not serve");
    assertThat(files("browse", latest.resolve("escape"), "").statusCode()).isEqualTo(403);
    assertThat(files("download", latest.resolve("escape/secret"), "").statusCode()).isEqualTo(403);
    assertThat(files("read", latest.resolve("escape/missing"), "").statusCode()).isEqualTo(403);
  }

  @Test
  void aMissingFileInASandboxIsNotFound() throws Exception {
    assertThat(files("read", latest.resolve("nope"), "").statusCode()).isEqualTo(404);
    assertThat(files("browse", latest.resolve("logs/nope"), "").statusCode()).isEqualTo(404);
  }

  @Test
  void stateShowsTheAgentItsTasksAndItsCompletedTasks() throws Exception {
    HttpResponse<String> response = get("/state");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode state = JSON.readTree(response.body());
    assertThat(state.get("id").asText()).isEqualTo("agent-1");
    assertThat(state.get("hostname").asText()).isEqualTo("host-1");
    assertThat(state.get("resources").get("cpus").asDouble()).isEqualTo(2.0);
    assertThat(state.get("resources").get("ports").asText()).isEqualTo("[31000-32000]");
    assertThat(state.get("attributes").get("rack").asText()).isEqualTo("r1");
    assertThat(state.get("usedResources").get("mem").asDouble()).isEqualTo(32.0);
    JsonNode task = state.get("tasks").get(0);
    assertThat(task.get("id").asText()).isEqualTo("t1");
    assertThat(task.get("state").asText()).isEqualTo("TASK_RUNNING");
    assertThat(task.get("directory").asText()).isEqualTo(run.toString());
    assertThat(task.get("usage").get("cpuSeconds").asDouble()).isEqualTo(1.5);
    assertThat(task.get("usage").get("residentBytes").asLong()).isEqualTo(4096);
    assertThat(task.get("usage").get("processes").asInt()).isEqualTo(2);
    assertThat(state.get("frameworks").get(0).get("name").asText()).isEqualTo("marathon");
    JsonNode completed = state.get("completedTasks").get(0);
    assertThat(completed.get("id").asText()).isEqualTo("t0");
    assertThat(completed.get("state").asText()).isEqualTo("TASK_FAILED");
    assertThat(completed.get("directory").asText()).isEqualTo(run.toString());
    assertThat(completed.get("usage").isNull()).isTrue();
  }

  @Test
  void healthAnswers() throws Exception {
    HttpResponse<String> response = get("/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).get("healthy").asBoolean()).isTrue();
    assertThat(Map.of("registered", JSON.readTree(response.body()).get("registered").asBoolean())).containsEntry("registered", true);
  }
}
