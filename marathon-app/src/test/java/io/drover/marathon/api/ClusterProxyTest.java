package io.drover.marathon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.drover.core.AgentId;
import io.drover.core.MasterInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy against a loopback stand-in for the master ({@code /state}) and one agent (under {@code /agent}). */
class ClusterProxyTest {
  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger readStatus = new AtomicInteger(200);
  private ClusterProxy proxy;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    String self = "http://127.0.0.1:";
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      requests.add(path);
      int port = server.getAddress().getPort();
      switch (path) {
        case "/state" -> answer(exchange, 200, "{\"agents\":[{\"id\":\"a1\",\"url\":\"" + self + port + "/agent\"}]}");
        case "/agent/state" -> answer(exchange, 200, "{\"tasks\":[{\"id\":\"web.1\",\"directory\":\"/sandboxes/web.1\"}],\"completedTasks\":[]}");
        case "/agent/files/read" -> answer(exchange, readStatus.get(), "{\"data\":\"hi\\n\",\"offset\":0}");
        default -> answer(exchange, 404, "no " + path);
      }
    });
    server.start();
    proxy = new ClusterProxy(new ClusterDirectory() {
      @Override
      public Optional<MasterInfo> leadingMaster() {
        return Optional.of(new MasterInfo("m1", "127.0.0.1", 0, server.getAddress().getPort(), 1, "test"));
      }

      @Override
      public Optional<AgentId> agentOf(String taskId) {
        return taskId.equals("web.1") ? Optional.of(AgentId.of("a1")) : Optional.empty();
      }
    });
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private long count(String path) {
    return requests.stream().filter(path::equals).count();
  }

  @Test
  void aTasksSandboxIsLookedUpOnceThenReadStraightFromItsAgent() {
    for (int i = 0; i < 3; i++) {
      assertThat(new String(proxy.read("web.1", ClusterProxy.SandboxFile.STDOUT, 0, 100), StandardCharsets.UTF_8)).contains("hi");
    }

    assertThat(count("/agent/files/read")).isEqualTo(3);
    assertThat(count("/state")).as("the master asked once").isEqualTo(1);
    assertThat(count("/agent/state")).as("the agent's state asked once").isEqualTo(1);
  }

  @Test
  void aSandboxWhoseReadFailsIsLookedUpAgain() {
    proxy.read("web.1", ClusterProxy.SandboxFile.STDOUT, 0, 100);
    readStatus.set(500);
    assertThatThrownBy(() -> proxy.read("web.1", ClusterProxy.SandboxFile.STDOUT, 0, 100)).isInstanceOf(ApiException.class);
    readStatus.set(200);

    proxy.read("web.1", ClusterProxy.SandboxFile.STDERR, 0, 100);

    assertThat(count("/state")).isEqualTo(2);
  }

  @Test
  void anUnknownTaskIsNotFound() {
    assertThatThrownBy(() -> proxy.read("other.1", ClusterProxy.SandboxFile.STDOUT, 0, 100))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
  }
}
