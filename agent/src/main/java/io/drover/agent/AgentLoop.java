package io.drover.agent;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's one event thread: master frames, container ends and timers all run here, in order, so
 * the agent's state needs no locks. After every event the hooks run (deliver due status updates,
 * publish the state the HTTP API shows), so no event can forget them.
 */
public final class AgentLoop implements Executor, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AgentLoop.class);

  private final ScheduledExecutorService executor;
  private final List<Runnable> afterEachEvent = new CopyOnWriteArrayList<>();

  public AgentLoop(String name) {
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
  }

  public void afterEachEvent(Runnable hook) {
    afterEachEvent.add(hook);
  }

  @Override
  public void execute(Runnable event) {
    executor.execute(() -> run(event));
  }

  public ScheduledFuture<?> schedule(Runnable event, Duration delay) {
    return executor.schedule(() -> run(event), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
  }

  /** Runs an event on the loop and waits for its result. */
  public <T> T call(Callable<T> event) throws Exception {
    try {
      return executor
          .submit(
              () -> {
                try {
                  return event.call();
                } finally {
                  runHooks();
                }
              })
          .get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private void run(Runnable event) {
    try {
      event.run();
    } catch (RuntimeException e) {
      LOG.error("An agent event failed", e);
    }
    runHooks();
  }

  private void runHooks() {
    for (Runnable hook : afterEachEvent) {
      try {
        hook.run();
      } catch (RuntimeException e) {
        LOG.error("An agent hook failed", e);
      }
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("The agent's event thread did not stop within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
