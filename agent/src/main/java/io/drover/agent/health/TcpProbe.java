package io.drover.agent.health;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Opens a TCP connection; passes when it is accepted within the timeout. */
public final class TcpProbe implements HealthProbe {
  private final String host;
  private final int port;

  public TcpProbe(String host, int port) {
    this.host = host;
    this.port = port;
  }

  @Override
  public ProbeResult probe(Duration timeout) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
      return ProbeResult.passed("connected to " + host + ":" + port);
    } catch (IOException e) {
      return ProbeResult.failed("cannot connect to " + host + ":" + port + ": " + e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "TCP " + host + ":" + port;
  }
}
