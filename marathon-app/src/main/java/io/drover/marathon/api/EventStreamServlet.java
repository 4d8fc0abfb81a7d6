package io.drover.marathon.api;

import io.drover.marathon.events.EventBus;
import io.drover.marathon.events.Events;
import io.drover.marathon.events.MarathonEvent;
import io.drover.marathon.storage.LeaderInfo;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v2/events}: Marathon's server-sent event stream ({@code event: <type>} and {@code data:
 * <json>} per event), filtered by {@code event_type} parameters. Each stream has its own bounded queue
 * and writer thread, so a slow client never holds up whoever publishes; a client that falls more than
 * {@value #QUEUE_CAPACITY} events behind is disconnected. A standby streams the leader's events to its
 * own clients (events happen where the leader is), so that a page served by a standby follows them without
 * crossing origins; the stream ends when the leader's does, and the client's reconnect finds the new leader.
 */
final class EventStreamServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(EventStreamServlet.class);
  private static final int QUEUE_CAPACITY = 1024;
  private static final long KEEP_ALIVE_SECONDS = 15;

  private final transient EventBus bus;
  private final transient LeaderControl leadership;
  private final transient Clock clock;
  private final transient Set<Thread> writers = ConcurrentHashMap.newKeySet();

  private final transient String selfAddress;
  private final transient HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  EventStreamServlet(EventBus bus, LeaderControl leadership, String selfAddress, Clock clock) {
    this.bus = bus;
    this.leadership = leadership;
    this.selfAddress = selfAddress;
    this.clock = clock;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!leadership.isLeader()) {
      Optional<LeaderInfo> leader = leadership.leader();
      if (leader.isEmpty() || request.getHeader(LeaderProxyFilter.FORWARDED_HEADER) != null || leader.get().address().equals(selfAddress)) {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.getWriter().write(JsonResponses.write(Map.of("message", "Could not determine the current leader")));
        return;
      }
      relayFromLeader(request, response, leader.get());
      return;
    }
    String[] types = request.getParameterValues("event_type");
    Set<String> eventTypes =
        types == null ? Set.of() : Arrays.stream(types).flatMap(t -> Arrays.stream(t.split(","))).map(String::trim).collect(Collectors.toSet());
    response.setStatus(200);
    response.setContentType("text/event-stream");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "no-cache");
    AsyncContext async = request.startAsync();
    async.setTimeout(0);
    BlockingQueue<MarathonEvent> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    queue.add(new Events.EventStreamAttached(clock.instant(), request.getRemoteAddr()));
    EventBus.Subscription subscription = bus.subscribe(eventTypes, queue::offer);
    PrintWriter out = response.getWriter();
    out.flush();
    Thread writer =
        new Thread(
            () -> {
              try {
                stream(queue, out, subscription, async);
              } finally {
                writers.remove(Thread.currentThread());
              }
            },
            "event-stream-" + request.getRemoteAddr());
    writer.setDaemon(true);
    writers.add(writer);
    writer.start();
  }

  private void relayFromLeader(HttpServletRequest request, HttpServletResponse response, LeaderInfo leader) throws IOException {
    String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
    HttpRequest upstreamRequest =
        HttpRequest.newBuilder(URI.create("http://" + leader.address() + "/v2/events" + query))
            .header("Accept", "text/event-stream")
            .header(LeaderProxyFilter.FORWARDED_HEADER, selfAddress)
            .GET()
            .build();
    HttpResponse<InputStream> upstream;
    try {
      upstream = http.send(upstreamRequest, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      return;
    } catch (IOException e) {
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      response.setContentType("application/json");
      response.getWriter().write(JsonResponses.write(Map.of("message", "The leader at " + leader.address() + " did not answer: " + e.getMessage())));
      return;
    }
    response.setStatus(upstream.statusCode());
    upstream.headers().firstValue("Content-Type").ifPresent(response::setContentType);
    response.setHeader("Cache-Control", "no-cache");
    AsyncContext async = request.startAsync();
    async.setTimeout(0);
    OutputStream out = response.getOutputStream();
    out.flush();
    Thread relay =
        new Thread(
            () -> {
              try (InputStream in = upstream.body()) {
                byte[] chunk = new byte[8192];
                for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                  out.write(chunk, 0, n);
                  out.flush();
                }
              } catch (IOException endedOnEitherSide) {
                // the client left or the leader's stream broke off: the client reconnects if it wants more
              } finally {
                writers.remove(Thread.currentThread());
                try {
                  async.complete();
                } catch (IllegalStateException alreadyDone) {
                  // the container already ended the request
                }
              }
            },
            "event-relay-" + request.getRemoteAddr());
    relay.setDaemon(true);
    writers.add(relay);
    relay.start();
  }

  /** Ends every open stream, so that stopping the server does not wait for clients to leave. */
  void closeStreams() {
    writers.forEach(Thread::interrupt);
  }

  private static void stream(BlockingQueue<MarathonEvent> queue, PrintWriter out, EventBus.Subscription subscription, AsyncContext async) {
    try {
      while (!out.checkError()) {
        if (queue.remainingCapacity() == 0) {
          LOG.warn("Closing an event stream whose client fell {} events behind", QUEUE_CAPACITY);
          break;
        }
        MarathonEvent event = queue.poll(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
        if (event == null) {
          out.write("\n");
        } else {
          out.write("event: " + event.eventType() + "\ndata: " + JsonResponses.write(event) + "\n\n");
        }
        out.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      subscription.close();
      try {
        async.complete();
      } catch (IllegalStateException alreadyDone) {
        // the container already ended the request
      }
    }
  }
}
