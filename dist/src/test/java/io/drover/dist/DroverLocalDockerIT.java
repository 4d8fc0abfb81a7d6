package io.drover.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with Docker: {@code drover local} on the engine {@code DOCKER_HOST} names (given with
 * {@code --docker-socket}) and {@code drover example hello --docker-image}, as separate processes.
 * Skipped without {@code DOCKER_HOST}; fails when that engine does not answer.
 */
class DroverLocalDockerIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path work;
  private static DroverProcess local;
  private static int zkPort;
  private static int masterPort;
  private static String image;

  @BeforeAll
  static void startLocalCluster() throws Exception {
    String dockerHost = System.getenv("DOCKER_HOST");
    Assumptions.assumeTrue(dockerHost != null && !dockerHost.isBlank(), "DOCKER_HOST is not set, so the Docker end-to-end test is skipped: ./run-tests provides an engine");
    image = System.getenv().getOrDefault("DROVER_TEST_IMAGE", "drover-test/busybox:1");
    zkPort = freePort();
    masterPort = freePort();
    local =
        DroverProcess.start(
            work,
            "local-docker",
            "local",
            "--agents", "2",
            "--work-dir", work.resolve("cluster").toString(),
            "--zk-port", Integer.toString(zkPort),
            "--master-port", Integer.toString(masterPort),
            "--protocol-port", Integer.toString(freePort()),
            "--agent-port", "0",
            "--agent-resources", "cpus:2;mem:1024;disk:1024;ports:[31200-31300]",
            "--docker-socket", dockerHost);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .failFast("drover local exited:\n" + local.output(), () -> !local.isAlive())
        .ignoreExceptions()
        .until(() -> JSON.readTree(get("http://127.0.0.1:" + masterPort + "/state").body()).path("counts").path("activeAgents").asInt() == 2);
  }

  @AfterAll
  static void stopLocalCluster() throws Exception {
    if (local != null) {
      local.stop();
      local.close();
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void helloRunsItsTasksInDockerContainers() throws Exception {
    String agentUrl = JSON.readTree(get("http://127.0.0.1:" + masterPort + "/state").body()).at("/agents/0/url").asText();
    JsonNode agent = JSON.readTree(get(agentUrl + "/state").body());
    assertThat(agent.path("capabilities")).as("the agent found no Docker engine at DOCKER_HOST:\n" + local.output()).extracting(JsonNode::asText).contains("docker");

    // Only a container has /.dockerenv: a task run as a plain process would fail.
    try (DroverProcess hello =
        DroverProcess.start(
            work, "hello-docker", "example", "hello", "--zk", "zk://127.0.0.1:" + zkPort + "/drover", "--tasks", "4", "--docker-image", image, "--cmd", "test -f /.dockerenv && echo hi from docker")) {
      assertThat(hello.awaitExit(180)).as(hello.output()).isZero();
      assertThat(hello.output()).contains("hello: 4 tasks: 4 finished, 0 failed, 0 lost");
    }
  }
}
