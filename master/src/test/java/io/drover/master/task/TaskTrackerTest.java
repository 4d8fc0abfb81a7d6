package io.drover.master.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.core.AgentId;
import io.drover.core.FrameworkId;
import io.drover.core.Resources;
import io.drover.core.TaskId;
import io.drover.core.TaskInfo;
import io.drover.core.TaskState;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskTrackerTest {
  private static final FrameworkId F1 = FrameworkId.of("f1");
  private static final FrameworkId F2 = FrameworkId.of("f2");
  private static final AgentId A1 = AgentId.of("a1");
  private static final AgentId A2 = AgentId.of("a2");

  private final Map<TaskState, Integer> reported = new EnumMap<>(TaskState.class);
  private final TaskTracker tracker = new TaskTracker(reported::put);

  private static TrackedTask task(FrameworkId fw, String id, AgentId agent, TaskState state) {
    return new TrackedTask(fw, TaskInfo.command(TaskId.of(id), agent, Resources.cpusMem(1, 100), "x"), state, Optional.empty());
  }

  @Test
  void indexesByFrameworkAndAgentAndCountsStates() {
    tracker.put(task(F1, "t1", A1, TaskState.TASK_RUNNING));
    tracker.put(task(F1, "t2", A2, TaskState.TASK_STAGING));
    tracker.put(task(F2, "t1", A1, TaskState.TASK_RUNNING));

    assertThat(tracker.ofFramework(F1)).hasSize(2);
    assertThat(tracker.onAgent(A1)).hasSize(2);
    assertThat(tracker.get(F2, TaskId.of("t1"))).isPresent();
    assertThat(tracker.size()).isEqualTo(3);
    assertThat(reported).containsEntry(TaskState.TASK_RUNNING, 2).containsEntry(TaskState.TASK_STAGING, 1);
    assertThat(tracker.usedOn(A1)).isEqualTo(Map.of(F1, Resources.cpusMem(1, 100), F2, Resources.cpusMem(1, 100)));
  }

  @Test
  void replacingMovesStateCountsAndAgents() {
    tracker.put(task(F1, "t1", A1, TaskState.TASK_RUNNING));
    tracker.put(task(F1, "t1", A2, TaskState.TASK_FINISHED));
    assertThat(tracker.onAgent(A1)).isEmpty();
    assertThat(tracker.onAgent(A2)).hasSize(1);
    assertThat(reported).containsEntry(TaskState.TASK_RUNNING, 0).containsEntry(TaskState.TASK_FINISHED, 1);
    assertThat(tracker.usedOn(A2)).as("a finished task holds nothing").isEmpty();
  }

  @Test
  void removingForgetsEverywhere() {
    tracker.put(task(F1, "t1", A1, TaskState.TASK_RUNNING));
    assertThat(tracker.remove(F1, TaskId.of("t1"))).isPresent();
    assertThat(tracker.remove(F1, TaskId.of("t1"))).isEmpty();
    assertThat(tracker.ofFramework(F1)).isEmpty();
    assertThat(tracker.onAgent(A1)).isEmpty();
    assertThat(tracker.size()).isZero();
    assertThat(reported).containsEntry(TaskState.TASK_RUNNING, 0);
  }
}
