package io.drover.agent.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.drover.agent.Tasks;
import io.drover.agent.containerizer.ContainerId;
import io.drover.agent.containerizer.ContainerLaunch;
import io.drover.core.CommandInfo;
import io.drover.core.FrameworkId;
import io.drover.core.HealthCheck;
import io.drover.core.Resources;
import io.drover.core.TaskId;
import io.drover.core.TaskInfo;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared scheduler probing real listeners on the port a check's portIndex names. */
class HealthChecksTest {
  @TempDir Path sandbox;
  private final HealthChecks checks = new HealthChecks(Map.of(), Optional.empty(), Clock.systemUTC());
  private final List<HealthChecks.Verdict> verdicts = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    checks.close();
  }

  /** A task whose second port is {@code port}. */
  private ContainerLaunch launch(int port, HealthCheck.Protocol protocol) {
    int other = port == 65535 ? port - 1 : port + 1;
    Resources resources = Resources.parse("cpus:0.1;ports:[" + Math.min(port, other) + "-" + Math.max(port, other) + "]");
    HealthCheck check = new HealthCheck(protocol, "/health", port < other ? 0 : 1, "", Duration.ZERO, Duration.ofMillis(100), Duration.ofSeconds(2), 1);
    TaskInfo task = new TaskInfo(TaskId.of("t"), "t", Tasks.AGENT, resources, CommandInfo.shell("true"), Optional.empty(), Optional.of(check), null, Map.of());
    return new ContainerLaunch(ContainerId.random(), FrameworkId.of("fw"), Tasks.AGENT, task, sandbox, sandbox, "localhost");
  }

  @Test
  void aTcpCheckFollowsItsListener() throws Exception {
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    ContainerLaunch launch = launch(server.getLocalPort(), HealthCheck.Protocol.TCP);

    HealthChecks.Running running = checks.start(launch, launch.task().healthCheck().get(), verdicts::add);
    await().atMost(Duration.ofSeconds(10)).until(() -> verdicts.size() == 1);
    assertThat(verdicts.get(0).healthy()).isTrue();

    server.close();
    await().atMost(Duration.ofSeconds(10)).until(() -> verdicts.size() == 2);
    assertThat(verdicts.get(1).healthy()).isFalse();
    assertThat(verdicts.get(1).detail()).contains("cannot connect");
    running.stop();
  }

  @Test
  void anHttpCheckGetsItsPathAndStopsWhenTold() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    List<String> paths = new CopyOnWriteArrayList<>();
    server.createContext(
        "/",
        exchange -> {
          paths.add(exchange.getRequestURI().getPath());
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
    try {
      ContainerLaunch launch = launch(server.getAddress().getPort(), HealthCheck.Protocol.HTTP);

      HealthChecks.Running running = checks.start(launch, launch.task().healthCheck().get(), verdicts::add);
      await().atMost(Duration.ofSeconds(10)).until(() -> paths.size() >= 3);
      assertThat(verdicts).extracting(HealthChecks.Verdict::healthy).containsExactly(true);
      assertThat(paths).containsOnly("/health");

      running.stop();
      int probes = paths.size();
      await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> paths.size() <= probes + 1);
    } finally {
      server.stop(0);
    }
  }
}
