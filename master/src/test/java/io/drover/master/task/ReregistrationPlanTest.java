package io.drover.master.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.core.AgentId;
import io.drover.core.FrameworkId;
import io.drover.core.Resources;
import io.drover.core.TaskId;
import io.drover.core.TaskInfo;
import io.drover.core.TaskState;
import io.drover.core.TaskStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReregistrationPlanTest {
  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  private static final AgentId AGENT = AgentId.of("a1");
  private static final FrameworkId FW = FrameworkId.of("fw");
  private static final FrameworkId GONE = FrameworkId.of("gone");

  private static TaskInfo info(String id) {
    return TaskInfo.command(TaskId.of(id), AGENT, Resources.cpusMem(1, 1), "x");
  }

  private static TrackedTask tracked(String id, TaskState state) {
    return new TrackedTask(FW, info(id), state, Optional.empty());
  }

  private static ReregistrationPlan plan(List<TrackedTask> known, List<ReportedTask> reported) {
    return ReregistrationPlan.of(AGENT, known, reported, Set.of(FW)::contains, NOW);
  }

  @Test
  void reportedTasksAreTrackedAsReportedWithoutUpdatesAfterAFailover() {
    ReregistrationPlan plan = plan(List.of(), List.of(new ReportedTask(FW, info("t1"), TaskState.TASK_RUNNING)));
    assertThat(plan.track()).singleElement().satisfies(t -> assertThat(t.state()).isEqualTo(TaskState.TASK_RUNNING));
    assertThat(plan.updates()).isEmpty();
    assertThat(plan.forget()).isEmpty();
  }

  @Test
  void tasksThatWereUnreachableAreReportedAgain() {
    ReregistrationPlan plan = plan(List.of(tracked("t1", TaskState.TASK_UNREACHABLE)), List.of(new ReportedTask(FW, info("t1"), TaskState.TASK_RUNNING)));
    assertThat(plan.updates().get(FW)).singleElement().satisfies(s -> {
      assertThat(s.state()).isEqualTo(TaskState.TASK_RUNNING);
      assertThat(s.uuid()).isEmpty();
    });
  }

  @Test
  void tasksTheAgentNoLongerHasAreDroppedOrGone() {
    ReregistrationPlan plan = plan(List.of(tracked("staging", TaskState.TASK_STAGING), tracked("running", TaskState.TASK_RUNNING), tracked("done", TaskState.TASK_FINISHED)), List.of());
    assertThat(plan.forget()).hasSize(3);
    assertThat(plan.updates().get(FW)).extracting(TaskStatus::taskId, TaskStatus::state)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(TaskId.of("staging"), TaskState.TASK_DROPPED),
            org.assertj.core.groups.Tuple.tuple(TaskId.of("running"), TaskState.TASK_GONE));
  }

  @Test
  void tasksOfRemovedFrameworksAreShutDownNotTracked() {
    ReregistrationPlan plan = plan(List.of(), List.of(new ReportedTask(GONE, info("t1"), TaskState.TASK_RUNNING)));
    assertThat(plan.track()).isEmpty();
    assertThat(plan.shutdown()).containsExactly(GONE);
  }
}
