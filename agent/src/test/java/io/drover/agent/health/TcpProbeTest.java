package io.drover.agent.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Against a real listening socket on loopback. */
class TcpProbeTest {
  @Test
  void aListeningPortPasses() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      assertThat(new TcpProbe("127.0.0.1", server.getLocalPort()).probe(Duration.ofSeconds(2)).passed()).isTrue();
    }
  }

  @Test
  void aClosedPortFails() throws IOException {
    int port;
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      port = server.getLocalPort();
    }
    ProbeResult result = new TcpProbe("127.0.0.1", port).probe(Duration.ofSeconds(2));

    assertThat(result.passed()).isFalse();
    assertThat(result.detail()).contains("cannot connect to 127.0.0.1:" + port);
  }
}
