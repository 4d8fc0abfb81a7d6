package io.drover.master;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread on which all master state changes. A task that throws is logged (a scheduled
 * executor would otherwise keep the failure to itself) and the loop goes on with the next task.
 */
final class MasterLoop extends ScheduledThreadPoolExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(MasterLoop.class);

  MasterLoop(String name) {
    super(
        1,
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
    setRemoveOnCancelPolicy(true);
  }

  @Override
  protected void afterExecute(Runnable task, Throwable thrown) {
    super.afterExecute(task, thrown);
    Throwable failure = thrown;
    if (failure == null && task instanceof Future<?> future && future.isDone()) {
      try {
        future.get();
      } catch (ExecutionException e) {
        failure = e.getCause();
      } catch (CancellationException e) {
        // Cancelled timers are normal.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (failure != null) {
      LOG.error("A master task failed; the master goes on", failure);
    }
  }
}
