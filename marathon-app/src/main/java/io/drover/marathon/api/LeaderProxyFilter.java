package io.drover.marathon.api;

import io.drover.marathon.storage.LeaderInfo;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * On a standby, forwards {@code /v2/...} and {@code /cluster/...} requests to the leader and answers with the leader's response,
 * as Marathon does ({@code GET /v2/info} and {@code GET /v2/leader} are answered locally). A request
 * that was already forwarded once is not forwarded again, so two instances that each believe the other
 * leads answer 503 rather than loop.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
final class LeaderProxyFilter implements ContainerRequestFilter {
  static final String FORWARDED_HEADER = "X-Drover-Forwarded-By";
  private static final List<String> FORWARDED_HEADERS =
      List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT, HttpHeaders.AUTHORIZATION);

  private final LeaderControl leadership;
  private final String selfAddress;
  private final long maxBytes;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  LeaderProxyFilter(LeaderControl leadership, String selfAddress, long maxBytes) {
    this.leadership = leadership;
    this.selfAddress = selfAddress;
    this.maxBytes = maxBytes;
  }

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    String path = request.getUriInfo().getPath();
    if (!servedByTheLeader(path) || leadership.isLeader() || answeredLocally(request.getMethod(), path)) {
      return;
    }
    Optional<LeaderInfo> leader = leadership.leader();
    if (leader.isEmpty() || request.getHeaderString(FORWARDED_HEADER) != null || leader.get().address().equals(selfAddress)) {
      request.abortWith(JsonResponses.json(503, Map.of("message", "Could not determine the current leader")));
      return;
    }
    request.abortWith(forward(request, leader.get()));
  }

  /** The API and the cluster proxy (only the leader is subscribed, so only it knows the master). */
  private static boolean servedByTheLeader(String path) {
    return path.equals("v2") || path.startsWith("v2/") || path.startsWith("cluster/");
  }

  private static boolean answeredLocally(String method, String path) {
    return method.equals("GET") && (path.equals("v2/info") || path.equals("v2/leader"));
  }

  private Response forward(ContainerRequestContext request, LeaderInfo leader) throws IOException {
    URI uri = URI.create("http://" + leader.address() + "/" + request.getUriInfo().getPath(false)
        + Optional.ofNullable(request.getUriInfo().getRequestUri().getRawQuery()).map(q -> "?" + q).orElse(""));
    byte[] body = request.hasEntity() ? request.getEntityStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1)) : new byte[0];
    if (body.length > maxBytes) {
      return JsonResponses.json(413, Map.of("message", "Request body too large: the limit is " + maxBytes + " bytes"));
    }
    HttpRequest.Builder forwarded =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header(FORWARDED_HEADER, selfAddress)
            .method(request.getMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    for (String header : FORWARDED_HEADERS) {
      String value = request.getHeaderString(header);
      if (value != null) {
        forwarded.header(header, value);
      }
    }
    try {
      HttpResponse<byte[]> answer = client.send(forwarded.build(), HttpResponse.BodyHandlers.ofByteArray());
      Response.ResponseBuilder response = Response.status(answer.statusCode()).entity(answer.body());
      answer.headers().firstValue(HttpHeaders.CONTENT_TYPE).ifPresent(type -> response.header(HttpHeaders.CONTENT_TYPE, type));
      answer.headers().firstValue(HttpHeaders.LOCATION).ifPresent(location -> response.header(HttpHeaders.LOCATION, location));
      return response.build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return JsonResponses.json(503, Map.of("message", "Interrupted while forwarding to the leader"));
    } catch (IOException e) {
      return JsonResponses.json(503, Map.of("message", "The leader at " + leader.address() + " did not answer: " + e.getMessage()));
    }
  }
}
