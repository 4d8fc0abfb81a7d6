package io.drover.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A stand-in for marathon-app on loopback: answers scripted per "METHOD /path" (query left out), records
 * requests, and serves {@code /v2/events} from a queue when {@link #withEvents()} was called.
 */
final class FakeMarathon implements AutoCloseable, AfterEachCallback {
  /** An answer: status and body. */
  record Answer(int status, String body) {}

  /** Computes the answer to a request (given its query and body). */
  interface Route {
    Answer answer(String query, String body);
  }

  record Request(String method, String path, String query, String body) {}

  private static final String END = "\u0000end";

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

  /** Serving from the start; as a field with {@code @RegisterExtension} it is closed after each test. */
  FakeMarathon() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on loopback", e);
    }
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  FakeMarathon on(String methodAndPath, int status, String body) {
    return on(methodAndPath, (query, requestBody) -> new Answer(status, body));
  }

  FakeMarathon on(String methodAndPath, Route route) {
    routes.put(methodAndPath, route);
    return this;
  }

  /** Serves {@code /v2/events}: {@code event_stream_attached}, then whatever {@link #emit} sends. */
  FakeMarathon withEvents() {
    routes.put("GET /v2/events", (query, body) -> null);
    return this;
  }

  void emit(String type, String json) {
    events.add("event: " + type + "\ndata: " + json + "\n\n");
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  long count(String method, String path) {
    return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).count();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(new Request(method, path, query, body));
    Route route = routes.get(method + " " + path);
    if (route == null) {
      reply(exchange, new Answer(404, "{\"message\":\"no route " + method + " " + path + "\"}"));
      return;
    }
    if (path.equals("/v2/events")) {
      stream(exchange);
      return;
    }
    reply(exchange, route.answer(query, body));
  }

  private static void reply(HttpExchange exchange, Answer answer) throws IOException {
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private void stream(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write("event: event_stream_attached\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      while (true) {
        String event = events.poll(100, TimeUnit.MILLISECONDS);
        if (END.equals(event)) {
          return;
        }
        out.write((event == null ? "\n" : event).getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException clientLeft) {
      // the client closed its stream
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }

  @Override
  public void close() {
    events.add(END);
    server.stop(0);
    threads.shutdownNow();
  }
}
