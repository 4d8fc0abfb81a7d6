package io.drover.marathon.scheduling;

import io.drover.core.HealthCheck;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Marathon's own HTTP and TCP checks, from marathon-app's host: HTTP is healthy on a status of 200 to
 * 399 within the check's timeout, TCP when a connection opens within it.
 */
final class NetworkProbe implements HealthProbe {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

  @Override
  public Optional<String> probe(HealthCheck check, String host, int port) {
    try {
      return check.protocol() == HealthCheck.Protocol.TCP ? tcp(check, host, port) : http(check, host, port);
    } catch (IOException e) {
      return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    }
  }

  private Optional<String> http(HealthCheck check, String host, int port) throws IOException, InterruptedException {
    String path = check.path() == null || check.path().isEmpty() ? "/" : check.path();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + (path.startsWith("/") ? path : "/" + path))).timeout(check.timeout()).GET().build();
    int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    return status >= 200 && status < 400 ? Optional.empty() : Optional.of("HTTP status " + status);
  }

  private static Optional<String> tcp(HealthCheck check, String host, int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) check.timeout().toMillis());
      return Optional.empty();
    }
  }
}
