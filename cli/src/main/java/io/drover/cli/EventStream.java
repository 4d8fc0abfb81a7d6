package io.drover.cli;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * marathon-app's {@code /v2/events} read on a thread of its own into a queue. It counts as attached once
 * the server's {@code event_stream_attached} arrived, so a change made after {@link #open} returned
 * cannot slip by unseen; if it cannot attach, the caller goes on without it (polling only).
 */
final class EventStream implements AutoCloseable {
  static final String ATTACHED = "event_stream_attached";

  private final BlockingQueue<ServerSentEvent> events = new LinkedBlockingQueue<>();
  /** Counted down once the stream attached or could not. */
  private final CountDownLatch settled = new CountDownLatch(1);
  private volatile boolean attached;
  private volatile boolean open = true;
  private volatile Stream<String> lines;
  private volatile String failure;

  private EventStream() {}

  /**
   * Subscribes to {@code types} and waits up to {@code attachWithin} for the stream to attach; the stream
   * is returned either way and {@link #isOpen()} says whether it delivers.
   */
  static EventStream open(MarathonClient client, List<String> types, Duration attachWithin) {
    EventStream stream = new EventStream();
    String query = types.stream().map(type -> "event_type=" + MarathonClient.segment(type)).collect(Collectors.joining("&"));
    Thread reader = new Thread(() -> stream.read(client, "/v2/events" + (query.isEmpty() ? "" : "?" + query)), "drover-events");
    reader.setDaemon(true);
    reader.start();
    try {
      if (!stream.settled.await(attachWithin.toMillis(), TimeUnit.MILLISECONDS)) {
        stream.failure = stream.failure == null ? "no answer within " + attachWithin.toSeconds() + " s" : stream.failure;
        stream.close();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stream.close();
    }
    return stream;
  }

  private void read(MarathonClient client, String path) {
    SseParser parser = new SseParser();
    try (Stream<String> opened = client.lines(path)) {
      lines = opened;
      if (!open) {
        return;
      }
      for (Iterator<String> it = opened.iterator(); open && it.hasNext(); ) {
        Optional<ServerSentEvent> event = parser.accept(it.next());
        if (event.isPresent()) {
          if (event.get().type().equals(ATTACHED)) {
            attached = true;
            settled.countDown();
          } else {
            events.add(event.get());
          }
        }
      }
      failure = "the event stream ended";
    } catch (RuntimeException e) {
      failure = e.getMessage();
    } finally {
      open = false;
      settled.countDown();
    }
  }

  /** Whether events still arrive: attached and not ended. */
  boolean isOpen() {
    return open && attached;
  }

  /** Why the stream does not deliver, once it does not. */
  String failure() {
    return failure == null ? "closed" : failure;
  }

  /** The next event, waiting up to {@code wait}; empty when none came. */
  Optional<ServerSentEvent> next(Duration wait) throws InterruptedException {
    return Optional.ofNullable(events.poll(wait.toMillis(), TimeUnit.MILLISECONDS));
  }

  @Override
  public void close() {
    open = false;
    Stream<String> current = lines;
    if (current != null) {
      current.close();
    }
  }
}
