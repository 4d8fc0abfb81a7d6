package io.drover.agent.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.agent.Tasks;
import io.drover.core.FrameworkId;
import io.drover.core.TaskState;
import io.drover.protocol.v1.CompletedTaskList;
import io.drover.protocol.v1.CompletedTaskRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletedTasksTest {
  private static final FrameworkId FW = FrameworkId.of("fw-1");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path work;

  private Path file() {
    return work.resolve("meta/completed_tasks");
  }

  private static CompletedTask completed(String id, int second) {
    return new CompletedTask(FW, Tasks.shell(id, "echo " + id), TaskState.TASK_FINISHED, Optional.of(Path.of("/sandboxes", id, "runs", "r 1")), T0.plusSeconds(second));
  }

  private static List<String> ids(CompletedTasks tasks) {
    return tasks.list().stream().map(t -> t.task().id().value()).toList();
  }

  @Test
  void keepsTheLatestUpToItsCapacityAndDropsTheOldest() throws Exception {
    CompletedTasks tasks = CompletedTasks.load(file(), 2);
    tasks.add(completed("a", 1));
    tasks.add(completed("b", 2));
    tasks.add(completed("c", 3));

    assertThat(ids(tasks)).containsExactly("b", "c");
  }

  @Test
  void aTaskCompletedAgainReplacesItsEarlierRecord() throws Exception {
    CompletedTasks tasks = CompletedTasks.load(file(), 10);
    tasks.add(completed("a", 1));
    tasks.add(completed("b", 2));
    tasks.add(completed("a", 3));

    assertThat(ids(tasks)).containsExactly("b", "a");
    assertThat(tasks.list().get(1).completedAt()).isEqualTo(T0.plusSeconds(3));
  }

  @Test
  void survivesARestartFromItsCheckpoint() throws Exception {
    CompletedTasks tasks = CompletedTasks.load(file(), 10);
    CompletedTask a = completed("a", 1);
    CompletedTask rejected = new CompletedTask(FW, Tasks.shell("x", "true"), TaskState.TASK_ERROR, Optional.empty(), T0);
    tasks.add(a);
    tasks.add(rejected);
    tasks.add(completed("b", 2));
    tasks.removeAll(List.of(completed("b", 2)));

    CompletedTasks reloaded = CompletedTasks.load(file(), 10);

    assertThat(reloaded.list()).containsExactly(a, rejected);
  }

  @Test
  void anUnreadableEntryIsSkippedAndAnUnreadableCheckpointStartsEmpty() throws Exception {
    CompletedTasks tasks = CompletedTasks.load(file(), 10);
    tasks.add(completed("a", 1));
    CompletedTaskList written = CompletedTaskList.parseFrom(Files.readAllBytes(file()));
    CompletedTaskRecord noState = written.getTasks(0).toBuilder().clearState().build();
    Files.write(file(), written.toBuilder().addTasks(noState).build().toByteArray());

    assertThat(ids(CompletedTasks.load(file(), 10))).containsExactly("a");

    Files.write(file(), new byte[] {(byte) 0xff, 0x01, 0x02});
    assertThat(CompletedTasks.load(file(), 10).list()).isEmpty();
  }

  @Test
  void aSmallerCapacityAtLoadKeepsTheNewest() throws Exception {
    CompletedTasks tasks = CompletedTasks.load(file(), 10);
    tasks.add(completed("a", 1));
    tasks.add(completed("b", 2));
    tasks.add(completed("c", 3));

    assertThat(ids(CompletedTasks.load(file(), 2))).containsExactly("b", "c");
  }
}
