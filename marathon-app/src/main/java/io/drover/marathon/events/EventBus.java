package io.drover.marathon.events;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process event bus: publishers hand events in, subscribers (the SSE streams, metrics) get every
 * event of the types they asked for, in publication order per publisher thread. Subscribers must return
 * quickly; one that throws is logged and kept.
 */
public final class EventBus {
  private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

  private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();

  /** A subscription; close it to stop receiving events. */
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  private record Subscriber(Set<String> eventTypes, Consumer<MarathonEvent> consumer) {
    boolean wants(MarathonEvent event) {
      return eventTypes.isEmpty() || eventTypes.contains(event.eventType());
    }
  }

  /** Subscribes to the events of {@code eventTypes}, or to all events if it is empty. */
  public Subscription subscribe(Set<String> eventTypes, Consumer<MarathonEvent> consumer) {
    Subscriber subscriber = new Subscriber(Set.copyOf(eventTypes), consumer);
    subscribers.add(subscriber);
    return () -> subscribers.remove(subscriber);
  }

  public void publish(MarathonEvent event) {
    for (Subscriber subscriber : subscribers) {
      if (subscriber.wants(event)) {
        try {
          subscriber.consumer().accept(event);
        } catch (RuntimeException e) {
          LOG.warn("An event subscriber failed on {}: {}", event.eventType(), e.toString());
        }
      }
    }
  }

  public int subscriberCount() {
    return subscribers.size();
  }
}
