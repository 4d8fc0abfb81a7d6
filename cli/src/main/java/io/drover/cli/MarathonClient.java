package io.drover.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * marathon-app's HTTP API as JSON: every answer outside 2xx becomes a {@link CliFailure} with the API's
 * {@code message} and each {@code details[].path: errors}; an address that does not answer becomes one
 * line that names it.
 */
final class MarathonClient {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final URI base;
  private final HttpClient http;

  MarathonClient(URI base) {
    this.base = base;
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  static MarathonClient of(String url) {
    URI uri;
    try {
      uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    } catch (IllegalArgumentException e) {
      throw CliFailure.usage("--marathon: '" + url + "' is not a URL");
    }
    if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
      throw CliFailure.usage("--marathon: '" + url + "' is not an http:// or https:// URL");
    }
    return new MarathonClient(uri);
  }

  /** One path segment, escaped (task ids may hold characters a path must not). */
  static String segment(String raw) {
    return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** An app id as the API's path takes it: absolute, its slashes kept. */
  static String appPath(String appId) {
    String absolute = appId.startsWith("/") ? appId : "/" + appId;
    StringBuilder path = new StringBuilder();
    for (String part : absolute.substring(1).split("/", -1)) {
      path.append('/').append(segment(part));
    }
    return path.toString();
  }

  JsonNode get(String path) {
    return send(request(path).GET());
  }

  /** A GET whose 404 means "there is none" rather than a failure. */
  Optional<JsonNode> find(String path) {
    HttpRequest request = request(path).GET().build();
    HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
    return response.statusCode() == 404 ? Optional.empty() : Optional.of(answer(request, response));
  }

  JsonNode put(String path, JsonNode body) {
    return send(request(path).PUT(json(body)));
  }

  JsonNode patch(String path, JsonNode body) {
    return send(request(path).method("PATCH", json(body)));
  }

  JsonNode post(String path, JsonNode body) {
    return send(request(path).POST(body == null ? HttpRequest.BodyPublishers.noBody() : json(body)));
  }

  JsonNode delete(String path) {
    return send(request(path).DELETE());
  }

  /**
   * Opens a streaming GET (server-sent events): its lines as they arrive, until the stream is closed.
   * The caller closes the stream.
   */
  Stream<String> lines(String path) {
    HttpRequest request = HttpRequest.newBuilder(uri(path)).header("Accept", "text/event-stream").GET().build();
    HttpResponse<Stream<String>> response = exchange(request, HttpResponse.BodyHandlers.ofLines());
    if (response.statusCode() / 100 != 2) {
      String body = String.join("\n", response.body().toList());
      throw failure(request, response.statusCode(), body);
    }
    return response.body();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT).header("Accept", "application/json").header("Content-Type", "application/json");
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  private static HttpRequest.BodyPublisher json(JsonNode body) {
    return HttpRequest.BodyPublishers.ofString(Json.compact(body));
  }

  private JsonNode send(HttpRequest.Builder builder) {
    HttpRequest request = builder.build();
    return answer(request, exchange(request, HttpResponse.BodyHandlers.ofString()));
  }

  private static JsonNode answer(HttpRequest request, HttpResponse<String> response) {
    if (response.statusCode() / 100 != 2) {
      throw failure(request, response.statusCode(), response.body());
    }
    if (response.body() == null || response.body().isBlank()) {
      return Json.MAPPER.nullNode();
    }
    try {
      return Json.parse(response.body());
    } catch (JsonProcessingException e) {
      throw CliFailure.failed(request.method() + " " + request.uri().getPath() + " answered with something that is not JSON: " + abbreviate(response.body()));
    }
  }

  private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return http.send(request, handler);
    } catch (ConnectException | HttpConnectTimeoutException e) {
      throw CliFailure.failed("marathon-app at " + base + " is unreachable (" + reason(e) + "); start it or pass --marathon URL");
    } catch (HttpTimeoutException e) {
      throw CliFailure.failed("marathon-app at " + base + " did not answer " + request.method() + " " + request.uri().getPath() + " within " + REQUEST_TIMEOUT.toSeconds() + " s");
    } catch (IOException e) {
      throw CliFailure.failed(request.method() + " " + request.uri() + " failed: " + reason(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CliFailure.failed("interrupted while waiting for marathon-app");
    }
  }

  /** The API's error body ({@code message}, {@code details}, locking {@code deployments}) as a failure. */
  static CliFailure failure(HttpRequest request, int status, String body) {
    JsonNode json;
    try {
      json = body == null || body.isBlank() ? null : Json.parse(body);
    } catch (JsonProcessingException e) {
      json = null;
    }
    String answered = request.method() + " " + request.uri().getPath() + " answered HTTP " + status;
    if (json == null || !json.hasNonNull("message")) {
      String text = abbreviate(body);
      return CliFailure.failed(text.isEmpty() ? answered : answered + ": " + text);
    }
    String message = json.get("message").asText();
    List<String> details = new ArrayList<>();
    for (JsonNode detail : json.path("details")) {
      List<String> errors = Json.elements(detail.path("errors")).stream().map(JsonNode::asText).toList();
      details.add(Json.text(detail, "path", "/") + ": " + String.join(", ", errors));
    }
    for (JsonNode deployment : json.path("deployments")) {
      details.add("deployment " + Json.text(deployment, "id", "?") + " is under way (drover deployment watch ID, or wait for it)");
    }
    return CliFailure.failed(message + " (HTTP " + status + ")", details);
  }

  private static String reason(Exception e) {
    if (e instanceof ConnectException && (e.getMessage() == null || e.getMessage().isBlank())) {
      return "connection refused";
    }
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getClass().getSimpleName();
    }
    return message;
  }

  private static String abbreviate(String body) {
    if (body == null) {
      return "";
    }
    String flat = body.strip().replaceAll("\\s+", " ");
    return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
  }
}
