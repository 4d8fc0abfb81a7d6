package io.drover.marathon.launch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What waits to be launched: per app version, how many instances, whether launches are held back by
 * the exponential backoff, and what became of the offers the app was considered for. The scheduler
 * says how many it wants ({@link #setWanted}); the queue only remembers and reports. Thread-safe.
 *
 * <p>The backoff is kept per app version, so a new version starts without delay. Its statistics start
 * afresh each time an app enters the queue and are dropped when it leaves.
 */
public final class LaunchQueue {
  private record Key(String appId, String version) {}

  private final Clock clock;
  private final Map<Key, Integer> wanted = new LinkedHashMap<>();
  private final Map<String, Instant> queuedSince = new HashMap<>();
  private final Map<Key, LaunchDelay> delays = new HashMap<>();
  private final Map<String, OfferStatistics> statistics = new HashMap<>();

  public LaunchQueue(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** {@code count} instances of the app version are to be launched (0: none). */
  public synchronized void setWanted(String appId, String version, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, not " + count);
    }
    Key key = new Key(appId, version);
    if (count == 0) {
      wanted.remove(key);
      if (wanted.keySet().stream().noneMatch(k -> k.appId().equals(appId))) {
        queuedSince.remove(appId);
        statistics.remove(appId);
      }
      return;
    }
    wanted.put(key, count);
    if (queuedSince.putIfAbsent(appId, clock.instant()) == null) {
      statistics.put(appId, new OfferStatistics());
    }
  }

  public synchronized int wanted(String appId, String version) {
    return wanted.getOrDefault(new Key(appId, version), 0);
  }

  /** Nothing waits to be launched, delayed or not. */
  public synchronized boolean isEmpty() {
    return wanted.isEmpty();
  }

  /** What may be launched now (not held back by a delay), the longest-waiting apps first. */
  public synchronized List<PendingLaunch> launchable() {
    Instant now = clock.instant();
    return wanted.entrySet().stream()
        .filter(e -> activeDelay(e.getKey(), now).isEmpty())
        .sorted(Comparator.comparing(e -> queuedSince.get(e.getKey().appId())))
        .map(e -> new PendingLaunch(e.getKey().appId(), e.getKey().version(), e.getValue()))
        .toList();
  }

  /** How many instances may be launched now, over all apps: what {@link #launchable} adds up to, without listing it. */
  public synchronized int launchableCount() {
    Instant now = clock.instant();
    int count = 0;
    for (Map.Entry<Key, Integer> entry : wanted.entrySet()) {
      if (activeDelay(entry.getKey(), now).isEmpty()) {
        count += entry.getValue();
      }
    }
    return count;
  }

  /** Forgets everything about an app: what it wants, its delays and statistics. */
  public synchronized void removeApp(String appId) {
    wanted.keySet().removeIf(k -> k.appId().equals(appId));
    delays.keySet().removeIf(k -> k.appId().equals(appId));
    queuedSince.remove(appId);
    statistics.remove(appId);
  }

  /** Forgets everything: a new leader starts with an empty queue. */
  public synchronized void clear() {
    wanted.clear();
    queuedSince.clear();
    delays.clear();
    statistics.clear();
  }

  /** An instance of the app version failed: hold its launches back for one more backoff step. */
  public synchronized void launchFailed(String appId, String version, BackoffStrategy strategy) {
    Instant now = clock.instant();
    Key key = new Key(appId, version);
    Optional<Duration> current = Optional.ofNullable(delays.get(key)).filter(d -> !d.isStale(now)).map(LaunchDelay::delay);
    Duration next = strategy.next(current);
    delays.put(key, new LaunchDelay(next, now.plus(next), strategy.maxLaunchDelay()));
  }

  /** Launches of every version of the app may go ahead at once ({@code DELETE /v2/queue/{app}/delay}). */
  public synchronized void resetDelay(String appId) {
    delays.keySet().removeIf(k -> k.appId().equals(appId));
  }

  /** The delay holding back launches of the app version now, if any. */
  public synchronized Optional<LaunchDelay> delay(String appId, String version) {
    return activeDelay(new Key(appId, version), clock.instant());
  }

  /** The earliest moment a delay of a waiting app version ends, to know when to look again. */
  public synchronized Optional<Instant> nextDelayEnd() {
    Instant now = clock.instant();
    return wanted.keySet().stream().map(k -> activeDelay(k, now)).flatMap(Optional::stream).map(LaunchDelay::until).min(Comparator.naturalOrder());
  }

  /** Records what became of the offers the app was considered for; ignored if it is not queued. */
  public synchronized void offersProcessed(String appId, List<OfferOutcome> outcomes) {
    OfferStatistics stats = statistics.get(appId);
    if (stats != null) {
      stats.record(outcomes, clock.instant());
    }
  }

  /** The {@code /v2/queue} view: one entry per waiting app version, the longest-waiting first. */
  public synchronized List<QueueEntry> entries() {
    Instant now = clock.instant();
    List<QueueEntry> entries = new ArrayList<>();
    wanted.forEach(
        (key, count) -> {
          Optional<LaunchDelay> delay = activeDelay(key, now);
          QueueDelay view =
              delay.map(d -> new QueueDelay(Duration.between(now, d.until()).getSeconds(), false)).orElse(new QueueDelay(0, true));
          entries.add(new QueueEntry(key.appId(), key.version(), count, queuedSince.get(key.appId()), view, statistics.get(key.appId()).summary()));
        });
    entries.sort(Comparator.comparing(QueueEntry::since));
    return entries;
  }

  private Optional<LaunchDelay> activeDelay(Key key, Instant now) {
    LaunchDelay delay = delays.get(key);
    if (delay == null) {
      return Optional.empty();
    }
    if (delay.isStale(now)) {
      delays.remove(key);
      return Optional.empty();
    }
    return delay.isActive(now) ? Optional.of(delay) : Optional.empty();
  }
}
