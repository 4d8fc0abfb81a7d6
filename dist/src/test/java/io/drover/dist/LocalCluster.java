package io.drover.dist;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real {@code drover local} process on free ports, started once per test class: ready when marathon-app
 * leads and every agent is active at the master. It can be stopped and started again on the same ports
 * and work dir, to see clients ride out an outage.
 */
final class LocalCluster implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Path work;
  private final String[] args;
  private final int agents;
  private final int zkPort;
  private final int masterPort;
  private final int marathonPort;
  private DroverProcess process;
  private int starts;

  private LocalCluster(Path work, String[] args, int agents, int zkPort, int masterPort, int marathonPort) {
    this.work = work;
    this.args = args;
    this.agents = agents;
    this.zkPort = zkPort;
    this.masterPort = masterPort;
    this.marathonPort = marathonPort;
  }

  /** Starts {@code agents} agents with {@code agentResources} each, and waits until all is ready. */
  static LocalCluster start(Path work, int agents, String agentResources) throws IOException {
    int zkPort = freePort();
    int masterPort = freePort();
    int marathonPort = freePort();
    String[] args = {
            "local",
            "--agents", Integer.toString(agents),
            "--work-dir", work.resolve("cluster").toString(),
            "--zk-port", Integer.toString(zkPort),
            "--master-port", Integer.toString(masterPort),
            "--protocol-port", Integer.toString(freePort()),
            // Any free port for each agent (consecutive ones from a free port may clash); the tests
            // find the agents through the master.
            "--agent-port", "0",
            "--marathon-port", Integer.toString(marathonPort),
            "--agent-resources", agentResources};
    LocalCluster cluster = new LocalCluster(work, args, agents, zkPort, masterPort, marathonPort);
    cluster.startAgain();
    return cluster;
  }

  /** Starts the process (again, after {@link #stopNow}) and waits until all is ready. */
  void startAgain() throws IOException {
    starts++;
    DroverProcess started = DroverProcess.start(work, starts == 1 ? "local" : "local-" + starts, args);
    process = started;
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(250))
          .failFast("drover local exited", () -> !started.isAlive())
          .ignoreExceptions()
          .until(() -> get(marathonUrl() + "/v2/leader").statusCode() == 200 && masterState().path("counts").path("activeAgents").asInt() == agents);
    } catch (RuntimeException notReady) {
      // No test will close what never became ready: stop it here, so that it does not outlive the run.
      started.close();
      throw new AssertionError("drover local did not become ready; its output:\n" + started.output(), notReady);
    }
  }

  /** Stops the process as Ctrl-C would and waits for it to end. */
  void stopNow() throws InterruptedException {
    process.stop();
  }

  String marathonUrl() {
    return "http://127.0.0.1:" + marathonPort;
  }

  String masterUrl() {
    return "http://127.0.0.1:" + masterPort;
  }

  String zkUrl() {
    return "zk://127.0.0.1:" + zkPort + "/drover";
  }

  JsonNode masterState() throws IOException, InterruptedException {
    return JSON.readTree(get(masterUrl() + "/state").body());
  }

  /** What the process printed so far. */
  String output() {
    return process.output();
  }

  static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A port nobody listens on right now. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Stops it as Ctrl-C would. */
  @Override
  public void close() throws InterruptedException {
    process.stop();
    process.close();
  }
}
