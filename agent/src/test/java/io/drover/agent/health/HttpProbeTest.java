package io.drover.agent.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real HTTP server on loopback. */
class HttpProbeTest {
  private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final AtomicInteger status = new AtomicInteger(200);
  private final CountDownLatch release = new CountDownLatch(1);
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/health",
        exchange -> {
          exchange.sendResponseHeaders(status.get(), -1);
          exchange.close();
        });
    server.createContext(
        "/slow",
        exchange -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  private HttpProbe probe(String path) {
    return new HttpProbe(client, "127.0.0.1", server.getAddress().getPort(), path);
  }

  @Test
  void twoHundredsAndRedirectsPass() {
    assertThat(probe("/health").probe(Duration.ofSeconds(5)).passed()).isTrue();
    status.set(302);
    assertThat(probe("health").probe(Duration.ofSeconds(5))).satisfies(r -> {
      assertThat(r.passed()).isTrue();
      assertThat(r.detail()).contains("/health", "302");
    });
  }

  @Test
  void errorsAndMissingPagesFail() {
    status.set(503);
    assertThat(probe("/health").probe(Duration.ofSeconds(5))).satisfies(r -> {
      assertThat(r.passed()).isFalse();
      assertThat(r.detail()).contains("503");
    });
    assertThat(probe("/nothing-here").probe(Duration.ofSeconds(5)).passed()).isFalse();
  }

  @Test
  void anAnswerAfterTheTimeoutFails() {
    ProbeResult result = probe("/slow").probe(Duration.ofMillis(200));

    assertThat(result.passed()).isFalse();
    assertThat(result.detail()).contains("within 200 ms");
  }

  @Test
  void nobodyListeningFails() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    assertThat(new HttpProbe(client, "127.0.0.1", port, "/").probe(Duration.ofSeconds(2)).passed()).isFalse();
  }
}
