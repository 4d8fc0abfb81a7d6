package io.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LogsAndClusterCommandTest {
  private static final String STATE =
      "{\"leader\":{\"id\":\"m1\",\"host\":\"127.0.0.1\",\"protocolPort\":5050,\"httpPort\":5051,\"epoch\":3,\"version\":\"0.1.0\"},\"isLeader\":true,"
          + "\"agents\":[{\"id\":\"a1\",\"hostname\":\"local-1\",\"port\":5061,\"url\":\"http://127.0.0.1:5061\",\"active\":true,\"status\":\"ACTIVE\","
          + "\"resources\":{\"total\":{\"cpus\":2,\"mem\":1024,\"disk\":1024,\"ports\":\"[31000-31100]\"},\"used\":{\"cpus\":0.5,\"mem\":64,\"ports\":\"[31000-31000]\"},\"offered\":{}},"
          + "\"attributes\":{\"rack\":\"r1\",\"zone\":\"a\"},\"capabilities\":[]}],"
          + "\"frameworks\":[{\"id\":\"f1\",\"name\":\"marathon\",\"roles\":[\"*\"],\"active\":true,\"status\":\"ACTIVE\",\"dominantShare\":0.25,\"tasks\":[{\"id\":\"t\"}]}],"
          + "\"counts\":{\"agents\":1,\"activeAgents\":1,\"frameworks\":1,\"activeFrameworks\":1,\"tasks\":1,\"offers\":0,\"tasksByState\":{}}}";

  @RegisterExtension final FakeMarathon marathon = new FakeMarathon();

  @Test
  void clusterShowsAgentsWithUsedOfTotalAndFrameworksWithTheirShare() throws Exception {
    marathon.on("GET /cluster/state", 200, STATE);

    Run run = Run.of(new ClusterCommand(), "--marathon", marathon.url());
    Run json = Run.of(new ClusterCommand(), "--json", "--marathon", marathon.url());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(
        "leader: m1 at 127.0.0.1:5051 (epoch 3, version 0.1.0)\n"
            + "1 of 1 agents active, 1 of 1 frameworks active, 1 tasks, 0 offers\n\n"
            + "AGENT  HOSTNAME  STATUS  CPUS   MEM      DISK    PORTS                           ATTRIBUTES\n"
            + "a1     local-1   ACTIVE  0.5/2  64/1024  0/1024  [31000-31000] of [31000-31100]  rack=r1,zone=a\n\n"
            + "FRAMEWORK  NAME      ROLES  STATUS  DOMINANT SHARE  TASKS\n"
            + "f1         marathon  *      ACTIVE  25.0%           1\n");
    assertThat(Json.parse(json.out()).path("agents").get(0).path("hostname").asText()).isEqualTo("local-1");
  }

  @Test
  void logsReadsTheFileInChunksFromOffsetZero() {
    marathon.on("GET /cluster/tasks/web.a/files/read", (query, body) -> switch (query) {
      case "file=stdout&offset=0&length=65536" -> new FakeMarathon.Answer(200, "{\"data\":\"hello\\n\",\"offset\":0}");
      case "file=stdout&offset=6&length=65536" -> new FakeMarathon.Answer(200, "{\"data\":\"w\u00e9rld\\n\",\"offset\":6}");
      default -> new FakeMarathon.Answer(200, "{\"data\":\"\",\"offset\":13}");
    });

    Run run = Run.of(new LogsCommand(), "web.a", "--marathon", marathon.url());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("hello\nw\u00e9rld\n");
    assertThat(marathon.requests()).extracting(FakeMarathon.Request::query).last().isEqualTo("file=stdout&offset=13&length=65536");
  }

  @Test
  void followKeepsReadingUntilTheTaskEndedAndItsFileIsDrained() {
    AtomicInteger reads = new AtomicInteger();
    marathon
        .on("GET /cluster/tasks/web.a/files/read", (query, body) -> {
          int read = reads.incrementAndGet();
          if (query.contains("offset=0&")) {
            return new FakeMarathon.Answer(200, read == 1 ? "{\"data\":\"\",\"offset\":0}" : "{\"data\":\"err\\n\",\"offset\":0}");
          }
          return new FakeMarathon.Answer(200, "{\"data\":\"\",\"offset\":4}");
        })
        .on("GET /v2/tasks", (query, body) -> new FakeMarathon.Answer(200, reads.get() < 3 ? "{\"tasks\":[{\"id\":\"web.a\",\"state\":\"TASK_RUNNING\"}]}" : "{\"tasks\":[]}"));

    Run run = Run.of(new LogsCommand(), "web.a", "--follow", "--stderr", "--marathon", marathon.url());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("err\n");
    assertThat(marathon.requests()).extracting(FakeMarathon.Request::query).filteredOn(q -> q != null && q.startsWith("file=")).allMatch(q -> q.startsWith("file=stderr&"));
  }

  @Test
  void anUnknownTaskPrintsTheProxysMessage() {
    marathon.on("GET /cluster/tasks/nope/files/read", 404, "{\"message\":\"Task 'nope' is not known\"}");

    Run run = Run.of(new LogsCommand(), "nope", "--marathon", marathon.url());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("logs: Task 'nope' is not known (HTTP 404)\n");
  }

  @Test
  void followEndsQuietlyWhenAnEndedTasksFileIsGone() {
    AtomicInteger reads = new AtomicInteger();
    marathon
        .on("GET /cluster/tasks/web.a/files/read", (query, body) -> switch (reads.incrementAndGet()) {
          case 1 -> new FakeMarathon.Answer(200, "{\"data\":\"last words\\n\",\"offset\":0}");
          case 2 -> new FakeMarathon.Answer(200, "{\"data\":\"\",\"offset\":11}");
          default -> new FakeMarathon.Answer(404, "{\"message\":\"Task 'web.a' does not exist\"}");
        })
        .on("GET /v2/tasks", 200, "{\"tasks\":[]}");

    Run run = Run.of(new LogsCommand(), "web.a", "-f", "--marathon", marathon.url());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("last words\n");
    assertThat(run.err()).isEqualTo("drover logs: task web.a ended and its file can no longer be read: Task 'web.a' does not exist (HTTP 404)\n");
  }

  @Test
  void anAnswerWithoutTheApisJsonNamesTheRequestAndStatus() {
    marathon.on("GET /cluster/state", 404, "<html>Not Found</html>");

    Run run = Run.of(new ClusterCommand(), "--marathon", marathon.url());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("cluster: GET /cluster/state answered HTTP 404: <html>Not Found</html>\n");
  }
}
