package io.drover.master.term;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Timers of one leadership term, run on the master's thread. When the term ends every pending timer is
 * cancelled, and one that is already queued does nothing.
 */
final class TermTimers {
  private final ScheduledExecutorService loop;
  private final Set<Timer> pending = new HashSet<>();
  private boolean stopped;

  TermTimers(ScheduledExecutorService loop) {
    this.loop = loop;
  }

  /** A pending action; cancelling it after it ran does nothing. */
  final class Timer {
    private final Runnable action;
    private ScheduledFuture<?> future;
    private boolean done;

    private Timer(Runnable action) {
      this.action = action;
    }

    private void fire() {
      if (done || stopped) {
        return;
      }
      done = true;
      pending.remove(this);
      action.run();
    }

    void cancel() {
      if (!done) {
        done = true;
        pending.remove(this);
        future.cancel(false);
      }
    }
  }

  Timer schedule(Duration delay, Runnable action) {
    Timer timer = new Timer(action);
    timer.future = loop.schedule(timer::fire, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    pending.add(timer);
    return timer;
  }

  void stop() {
    stopped = true;
    for (Timer timer : pending) {
      timer.done = true;
      timer.future.cancel(false);
    }
    pending.clear();
  }
}
