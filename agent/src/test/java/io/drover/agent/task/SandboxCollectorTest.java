package io.drover.agent.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.agent.Tasks;
import io.drover.agent.containerizer.ContainerId;
import io.drover.agent.sandbox.SandboxLayout;
import io.drover.core.FrameworkId;
import io.drover.core.TaskState;
import io.drover.testing.FakeClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real sandboxes on disk, a fake clock. */
class SandboxCollectorTest {
  private static final FrameworkId FW = FrameworkId.of("fw-1");
  private static final Duration DELAY = Duration.ofHours(2);

  @TempDir Path work;
  private final FakeClock clock = new FakeClock(Instant.parse("2026-01-01T00:00:00Z"));
  private SandboxLayout layout;
  private CompletedTasks completed;
  private SandboxCollector collector;

  @BeforeEach
  void setUp() throws Exception {
    layout = new SandboxLayout(work);
    completed = CompletedTasks.load(work.resolve("meta/completed_tasks"), 10);
    collector = new SandboxCollector(completed, layout, DELAY, clock);
  }

  private Path complete(String task, String run) throws Exception {
    Path sandbox = layout.createRun(Tasks.AGENT, FW, Tasks.shell(task, "").id(), new ContainerId(run));
    Files.writeString(sandbox.resolve("stderr"), "it broke\n");
    completed.add(new CompletedTask(FW, Tasks.shell(task, "exit 1"), TaskState.TASK_FAILED, Optional.of(sandbox), clock.instant()));
    return sandbox;
  }

  private Path taskDir(String task) {
    return layout.latestRun(Tasks.AGENT, FW, Tasks.shell(task, "").id()).getParent().getParent();
  }

  @Test
  void aSandboxIsKeptUntilTheDelayHasPassedThenDeletedAndItsTaskForgotten() throws Exception {
    Path first = complete("first", "run-1");
    clock.advance(Duration.ofHours(1));
    Path second = complete("second", "run-2");

    assertThat(collector.collect()).contains(Instant.parse("2026-01-01T02:00:00Z"));
    assertThat(first.resolve("stderr")).hasContent("it broke");

    clock.advance(Duration.ofHours(1));
    assertThat(collector.collect()).contains(Instant.parse("2026-01-01T03:00:00Z"));

    assertThat(taskDir("first")).doesNotExist();
    assertThat(second.resolve("stderr")).hasContent("it broke");
    assertThat(completed.list()).extracting(t -> t.task().id().value()).containsExactly("second");
    assertThat(CompletedTasks.load(work.resolve("meta/completed_tasks"), 10).list()).extracting(t -> t.task().id().value()).containsExactly("second");

    clock.advance(Duration.ofHours(1));
    assertThat(collector.collect()).isEmpty();
    assertThat(taskDir("second")).doesNotExist();
    assertThat(completed.list()).isEmpty();
  }

  @Test
  void anEarlierRunOfTheSameTaskIdKeepsTheTaskDirectory() throws Exception {
    Path older = layout.createRun(Tasks.AGENT, FW, Tasks.shell("again", "").id(), new ContainerId("run-0"));
    Path newer = complete("again", "run-1");
    clock.advance(DELAY);

    collector.collect();

    assertThat(newer).doesNotExist();
    assertThat(older).exists();
  }

  @Test
  void aTaskWithoutSandboxOrWhoseSandboxIsGoneIsForgotten() throws Exception {
    completed.add(new CompletedTask(FW, Tasks.shell("rejected", "true"), TaskState.TASK_ERROR, Optional.empty(), clock.instant()));
    Path gone = complete("gone", "run-1");
    Files.walk(taskDir("gone")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    assertThat(gone).doesNotExist();
    clock.advance(DELAY);

    assertThat(collector.collect()).isEmpty();
    assertThat(completed.list()).isEmpty();
  }

  @Test
  void aDirectoryOutsideTheSandboxesIsNeverDeleted() throws Exception {
    Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("keep"), "precious");
    completed.add(new CompletedTask(FW, Tasks.shell("odd", "true"), TaskState.TASK_FINISHED, Optional.of(elsewhere), clock.instant()));
    clock.advance(DELAY);

    collector.collect();

    assertThat(elsewhere.resolve("keep")).hasContent("precious");
    assertThat(completed.list()).extracting(t -> t.task().id().value()).containsExactly("odd");
  }
}
