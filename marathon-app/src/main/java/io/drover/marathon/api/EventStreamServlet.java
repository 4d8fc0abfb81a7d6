package io.drover.marathon.api;

import io.drover.marathon.events.EventBus;
import io.drover.marathon.events.Events;
import io.drover.marathon.events.MarathonEvent;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
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
 * {@value #QUEUE_CAPACITY} events behind is disconnected. Standbys redirect to the leader, where events
 * happen.
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

  EventStreamServlet(EventBus bus, LeaderControl leadership, Clock clock) {
    this.bus = bus;
    this.leadership = leadership;
    this.clock = clock;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!leadership.isLeader()) {
      var leader = leadership.leader();
      if (leader.isPresent()) {
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        response.setStatus(HttpServletResponse.SC_TEMPORARY_REDIRECT);
        response.setHeader("Location", "http://" + leader.get().address() + "/v2/events" + query);
        return;
      }
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
