package io.drover.dist;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a server process alive until it is told to stop (Ctrl-C, SIGTERM), then closes what it
 * started, last started first.
 */
final class ProcessLifetime {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessLifetime.class);
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final CountDownLatch stopped = new CountDownLatch(1);

  ProcessLifetime() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::closeAll, "drover-shutdown"));
  }

  synchronized <T extends AutoCloseable> T started(T component) {
    started.push(component);
    return component;
  }

  /** Blocks until the process is asked to stop. */
  int awaitStop() throws InterruptedException {
    stopped.await();
    return 0;
  }

  private void closeAll() {
    LOG.info("Stopping");
    synchronized (this) {
      while (!started.isEmpty()) {
        AutoCloseable component = started.pop();
        try {
          component.close();
        } catch (Exception e) {
          LOG.warn("Stopping {} failed: {}", component.getClass().getSimpleName(), e.getMessage());
        }
      }
    }
    stopped.countDown();
  }
}
