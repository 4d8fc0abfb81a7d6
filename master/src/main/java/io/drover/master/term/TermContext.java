package io.drover.master.term;

import io.drover.core.MasterInfo;
import io.drover.master.allocation.SerialAllocator;
import io.drover.master.metrics.MasterMetrics;
import io.drover.master.offer.OfferBook;
import io.drover.master.registry.FencedOutException;
import io.drover.master.registry.Registry;
import io.drover.master.task.TaskTracker;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the parts of one leadership term share: its identity, settings, state and outbound ports. All of
 * it is used on the master's thread only.
 */
final class TermContext {
  private static final Logger LOG = LoggerFactory.getLogger(TermContext.class);

  final MasterInfo self;
  final TermSettings settings;
  final Clock clock;
  final ScheduledExecutorService loop;
  final TermTimers timers;
  final Registry registry;
  final SerialAllocator allocator;
  final MasterMetrics metrics;
  final IdGenerator ids;
  final Agents agents;
  final Frameworks frameworks;
  final TaskTracker tasks;
  final OfferBook offers;
  private final Consumer<String> fencedOut;
  private boolean over;

  TermContext(
      MasterInfo self,
      TermSettings settings,
      Clock clock,
      ScheduledExecutorService loop,
      Registry registry,
      SerialAllocator allocator,
      MasterMetrics metrics,
      Consumer<String> fencedOut) {
    this.self = self;
    this.settings = settings;
    this.clock = clock;
    this.loop = loop;
    this.timers = new TermTimers(loop);
    this.registry = registry;
    this.allocator = allocator;
    this.metrics = metrics;
    this.ids = new IdGenerator(self.epoch());
    this.agents = new Agents(metrics);
    this.frameworks = new Frameworks(metrics);
    this.tasks = new TaskTracker(metrics::tasks);
    this.offers = new OfferBook();
    this.fencedOut = fencedOut;
  }

  Instant now() {
    return clock.instant();
  }

  boolean over() {
    return over;
  }

  void end() {
    over = true;
    timers.stop();
  }

  /**
   * Runs {@code then} on the master's thread once {@code write} is durable, or {@code failed} if it was
   * not. A write refused by the epoch fence ends this leadership instead: another master leads.
   */
  void afterWrite(CompletableFuture<Void> write, String what, Runnable then, Consumer<String> failed) {
    write.whenCompleteAsync(
        (done, error) -> {
          if (over) {
            return;
          }
          if (error == null) {
            then.run();
            return;
          }
          Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
          if (cause instanceof FencedOutException) {
            fencedOut.accept(cause.getMessage());
          } else {
            LOG.error("Registry write failed ({}): {}", what, cause.getMessage());
            failed.accept(what + " failed: " + cause.getMessage());
          }
        },
        loop);
  }

  /** A write nothing waits for; only its failure matters. */
  void write(CompletableFuture<Void> write, String what) {
    afterWrite(write, what, () -> {}, reason -> {});
  }
}
