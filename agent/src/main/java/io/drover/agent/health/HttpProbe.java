package io.drover.agent.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** GETs a URL; passes on a 2xx or 3xx answer (redirects are not followed) within the timeout. */
public final class HttpProbe implements HealthProbe {
  private final HttpClient client;
  private final URI uri;

  public HttpProbe(HttpClient client, String host, int port, String path) {
    this.client = client;
    this.uri = URI.create("http://" + host + ":" + port + (path.startsWith("/") ? path : "/" + path));
  }

  @Override
  public ProbeResult probe(Duration timeout) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    try {
      int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      String detail = "GET " + uri + " answered " + status;
      return status >= 200 && status < 400 ? ProbeResult.passed(detail) : ProbeResult.failed(detail);
    } catch (HttpTimeoutException e) {
      return ProbeResult.failed("GET " + uri + " did not answer within " + timeout.toMillis() + " ms");
    } catch (IOException e) {
      return ProbeResult.failed("GET " + uri + " failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ProbeResult.failed("GET " + uri + " was interrupted");
    }
  }

  @Override
  public String toString() {
    return "HTTP " + uri;
  }
}
