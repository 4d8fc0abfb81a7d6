package io.drover.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: {@code drover local} and {@code drover example hello} as separate processes. */
@Tag("slow")
class DroverLocalIT {
    private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path work;
  private static LocalCluster local;

  @BeforeAll
  static void startLocalCluster() throws Exception {
    local = LocalCluster.start(work, 3, "cpus:2;mem:1024;disk:1024;ports:[31000-31100]");
  }

  @AfterAll
  static void stopLocalCluster() throws Exception {
    if (local != null) {
      local.close();
    }
  }

  @Test
  void helloRunsTwentyTasksToTheEnd() throws Exception {
    try (DroverProcess hello = DroverProcess.start(work, "hello", "example", "hello", "--zk", local.zkUrl(), "--tasks", "20", "--cmd", "echo hi")) {
      assertThat(hello.awaitExit(180)).as(hello.output()).isZero();
      assertThat(hello.output()).contains("hello: 20 tasks: 20 finished, 0 failed, 0 lost");
    }
    JsonNode agents = local.masterState().path("agents");
    assertThat(agents).extracting(a -> a.path("hostname").asText()).containsExactlyInAnyOrder("127.0.0.1", "127.0.0.2", "127.0.0.3");
    assertThat(agents).extracting(a -> a.at("/resources/total/ports").asText())
        .as("each agent its own share of the ports").containsExactlyInAnyOrder("[31000-31032]", "[31033-31065]", "[31066-31100]");
  }

  @Test
  void marathonAppLeadsAndServesItsRestApi() throws Exception {
    JsonNode info = JSON.readTree(LocalCluster.get(local.marathonUrl() + "/v2/info").body());
    assertThat(info.path("name").asText()).isEqualTo("marathon");
    assertThat(LocalCluster.get(local.marathonUrl() + "/v2/apps").body()).isEqualTo("{\"apps\":[]}");
  }

  @Test
  void helloFailsWhenTasksFail() throws Exception {
    try (DroverProcess hello = DroverProcess.start(work, "hello-fail", "example", "hello", "--zk", local.zkUrl(), "--tasks", "3", "--cmd", "exit 3")) {
      assertThat(hello.awaitExit(180)).as(hello.output()).isEqualTo(1);
      assertThat(hello.output()).contains("hello: 3 tasks: 0 finished, 3 failed");
    }
  }

  @Test
  void sandboxPathsOutsideASandboxAreRefused() throws Exception {
    String agent = local.masterState().at("/agents/0/url").asText();
    String escape = URLEncoder.encode(work.resolve("cluster/agent-1/../../").toString(), StandardCharsets.UTF_8);
    assertThat(LocalCluster.get(agent + "/files/browse?path=" + escape).statusCode()).isEqualTo(400);
    assertThat(LocalCluster.get(agent + "/files/read?path=" + URLEncoder.encode("/etc/passwd", StandardCharsets.UTF_8)).statusCode()).isEqualTo(403);
  }

  @Test
  void metricsAreServedAsPrometheusText() throws Exception {
    HttpResponse<String> metrics = LocalCluster.get(local.masterUrl() + "/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("drover_master_agents").contains("drover_master_allocation_runs_total");
  }

  @Test
  void unknownFlagsPrintUsageAndExitTwo() throws Exception {
    try (DroverProcess bad = DroverProcess.start(work, "bad-flag", "local", "--no-such-flag")) {
      assertThat(bad.awaitExit(30)).isEqualTo(2);
      assertThat(bad.output()).contains("Unknown option: '--no-such-flag'").contains("Usage: drover local");
    }
    try (DroverProcess bad = DroverProcess.start(work, "bad-zk", "agent", "--zk", "http://x", "--work-dir", "/tmp/x")) {
      assertThat(bad.awaitExit(30)).isEqualTo(2);
      assertThat(bad.output()).contains("must look like zk://");
    }
    try (DroverProcess bad = DroverProcess.start(work, "bad-ports", "marathon", "--zk", local.zkUrl(), "--local-port-min", "20000", "--local-port-max", "10000")) {
      assertThat(bad.awaitExit(30)).isEqualTo(2);
      assertThat(bad.output()).contains("--local-port-min/--local-port-max: a service port range needs 1 <= min < max <= 65536, not 20000-10000");
    }
  }

  @Test
  void anUnreachableZooKeeperIsReportedInOneLineAndRetried() throws Exception {
    int closedPort = LocalCluster.freePort();
    try (DroverProcess agent =
        DroverProcess.start(work, "no-zk", "agent", "--zk", "zk://127.0.0.1:" + closedPort + "/drover", "--work-dir", work.resolve("lonely").toString(), "--port", "0")) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> agent.output().split("is unreachable; still trying", -1).length > 2);
      assertThat(agent.isAlive()).isTrue();
      assertThat(agent.output()).doesNotContain("\tat ").doesNotContain("Exception");
    }
  }
}
