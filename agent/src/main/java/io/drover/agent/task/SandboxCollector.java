package io.drover.agent.task;

import io.drover.agent.checkpoint.AtomicFiles;
import io.drover.agent.sandbox.SandboxLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the sandboxes of tasks that completed {@code delay} ago or earlier, and forgets those tasks.
 * A task's directory goes with its last run's sandbox.
 *
 * <p>Confined to the agent's event thread, as {@link CompletedTasks} is.
 */
public final class SandboxCollector {
  private static final Logger LOG = LoggerFactory.getLogger(SandboxCollector.class);

  private final CompletedTasks completed;
  private final SandboxLayout sandboxes;
  private final Duration delay;
  private final Clock clock;

  public SandboxCollector(CompletedTasks completed, SandboxLayout sandboxes, Duration delay, Clock clock) {
    this.completed = completed;
    this.sandboxes = sandboxes;
    this.delay = delay;
    this.clock = clock;
  }

  /** Collects what is due now; returns when the next sandbox is due, if any is waiting. */
  public Optional<Instant> collect() {
    SandboxCollection plan = SandboxCollection.plan(completed.list(), clock.instant(), delay);
    List<CompletedTask> collected = new ArrayList<>();
    for (CompletedTask task : plan.due()) {
      try {
        if (task.sandbox().isPresent()) {
          delete(task.sandbox().get());
        }
        collected.add(task);
      } catch (IOException e) {
        LOG.warn("Cannot collect the sandbox {} of task {}; trying again later", task.sandbox().get(), task.task().id(), e);
      }
    }
    try {
      completed.removeAll(collected);
    } catch (IOException e) {
      LOG.warn("Cannot checkpoint the completed tasks after collecting {} sandbox(es)", collected.size(), e);
    }
    if (!collected.isEmpty()) {
      LOG.info("Collected the sandboxes of {} task(s) completed {} ago or earlier", collected.size(), delay);
    }
    return plan.nextDue();
  }

  private void delete(Path sandbox) throws IOException {
    if (!Files.exists(sandbox, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Path root = sandboxes.root().toRealPath();
    Path run = sandbox.toRealPath();
    if (!SandboxLayout.isRunDirectory(root, run)) {
      throw new IOException(sandbox + " is not a run's sandbox under " + root);
    }
    AtomicFiles.deleteTree(run);
    Path runs = run.getParent();
    if (onlyTheLatestLinkIsLeft(runs)) {
      AtomicFiles.deleteTree(runs.getParent());
    }
  }

  private static boolean onlyTheLatestLinkIsLeft(Path runs) throws IOException {
    try (Stream<Path> left = Files.list(runs)) {
      return left.allMatch(p -> p.getFileName().toString().equals(SandboxLayout.LATEST) || p.getFileName().toString().startsWith("."));
    }
  }
}
