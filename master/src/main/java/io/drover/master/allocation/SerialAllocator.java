package io.drover.master.allocation;

import io.drover.core.AgentId;
import io.drover.core.AgentInfo;
import io.drover.core.Filters;
import io.drover.core.FrameworkId;
import io.drover.core.FrameworkInfo;
import io.drover.core.Resources;
import io.drover.core.allocation.Allocator;
import io.drover.core.allocation.AllocatorOptions;
import io.drover.core.allocation.AllocatorSnapshot;
import io.drover.core.allocation.OfferCallback;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an {@link Allocator} on its own thread: every fact is queued and applied in order, and allocation
 * runs on the interval and after facts that free or add resources. Requests for a run that arrive while
 * one is already queued merge into it, so a burst of events costs one run.
 *
 * <p>Offers come out through the callback on the allocator's thread; the receiver hands them over to its
 * own thread.
 */
public final class SerialAllocator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SerialAllocator.class);

  private final Allocator allocator;
  private final AllocatorOptions options;
  private final OfferCallback callback;
  private final AllocationObserver observer;
  private final ScheduledExecutorService thread;
  private final AtomicBoolean runQueued = new AtomicBoolean();

  public SerialAllocator(Allocator allocator, AllocatorOptions options, OfferCallback callback, AllocationObserver observer) {
    this.allocator = allocator;
    this.options = options;
    this.callback = callback;
    this.observer = observer;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "allocator");
              t.setDaemon(true);
              return t;
            });
  }

  public void start() {
    submit("initialize", () -> allocator.initialize(options, callback));
    long interval = options.allocationInterval().toMillis();
    thread.scheduleWithFixedDelay(this::requestAllocation, interval, interval, TimeUnit.MILLISECONDS);
  }

  /** Queues one allocation run unless one is queued already. */
  public void requestAllocation() {
    if (runQueued.compareAndSet(false, true)) {
      submit("allocate", this::allocateNow);
    }
  }

  private void allocateNow() {
    // Cleared before running, so that a fact arriving during the run gets a run of its own after it.
    runQueued.set(false);
    long start = System.nanoTime();
    allocator.allocate();
    observer.allocationRan(Duration.ofNanos(System.nanoTime() - start));
  }

  public void addFramework(FrameworkId id, FrameworkInfo info, Map<AgentId, Resources> used, boolean active) {
    submit("addFramework " + id, () -> allocator.addFramework(id, info, used, active));
    requestAllocation();
  }

  public void removeFramework(FrameworkId id) {
    submit("removeFramework " + id, () -> allocator.removeFramework(id));
  }

  public void activateFramework(FrameworkId id) {
    submit("activateFramework " + id, () -> allocator.activateFramework(id));
    requestAllocation();
  }

  public void deactivateFramework(FrameworkId id) {
    submit("deactivateFramework " + id, () -> allocator.deactivateFramework(id));
  }

  public void addAgent(AgentId id, AgentInfo info, Resources total, Map<FrameworkId, Resources> used) {
    submit("addAgent " + id, () -> allocator.addAgent(id, info, total, used));
    requestAllocation();
  }

  public void removeAgent(AgentId id) {
    submit("removeAgent " + id, () -> allocator.removeAgent(id));
  }

  public void activateAgent(AgentId id) {
    submit("activateAgent " + id, () -> allocator.activateAgent(id));
    requestAllocation();
  }

  public void deactivateAgent(AgentId id) {
    submit("deactivateAgent " + id, () -> allocator.deactivateAgent(id));
  }

  public void recoverResources(FrameworkId frameworkId, AgentId agentId, Resources resources, Optional<Filters> filters) {
    if (resources.isEmpty()) {
      return;
    }
    submit("recoverResources " + frameworkId + "@" + agentId, () -> allocator.recoverResources(frameworkId, agentId, resources, filters));
    requestAllocation();
  }

  public void suppressOffers(FrameworkId id, Set<String> roles) {
    submit("suppressOffers " + id, () -> allocator.suppressOffers(id, roles));
  }

  public void reviveOffers(FrameworkId id, Set<String> roles) {
    submit("reviveOffers " + id, () -> allocator.reviveOffers(id, roles));
    requestAllocation();
  }

  public CompletableFuture<AllocatorSnapshot> snapshot() {
    CompletableFuture<AllocatorSnapshot> result = new CompletableFuture<>();
    try {
      thread.execute(
          () -> {
            try {
              result.complete(allocator.snapshot());
            } catch (RuntimeException e) {
              result.completeExceptionally(e);
            }
          });
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(new IllegalStateException("the allocator has stopped"));
    }
    return result;
  }

  private void submit(String what, Runnable call) {
    try {
      thread.execute(
          () -> {
            try {
              call.run();
            } catch (RuntimeException e) {
              // One bad fact must not stop allocation for everyone; it is logged with what caused it.
              LOG.error("Allocator failed on {}", what, e);
            }
          });
    } catch (RejectedExecutionException e) {
      LOG.debug("Allocator stopped; dropping {}", what);
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
