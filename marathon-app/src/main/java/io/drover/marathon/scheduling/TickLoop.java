package io.drover.marathon.scheduling;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a piece of timed work (such as {@link MarathonScheduler#tick}) every interval on a thread of its own. */
public final class TickLoop {
  private static final Logger LOG = LoggerFactory.getLogger(TickLoop.class);

  private final Runnable work;
  private final Duration interval;
  private ScheduledExecutorService executor;

  public TickLoop(Runnable work, Duration interval) {
    this.work = Objects.requireNonNull(work, "work");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive");
    }
    this.interval = interval;
  }

  public synchronized void start() {
    if (executor != null) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "marathon-tick");
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleWithFixedDelay(this::runOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  private void runOnce() {
    try {
      work.run();
    } catch (RuntimeException e) {
      // A failed round (say, storage briefly unavailable) must not end the loop: the next one retries.
      LOG.warn("Timed work failed; trying again in {}", interval, e);
    }
  }
}
