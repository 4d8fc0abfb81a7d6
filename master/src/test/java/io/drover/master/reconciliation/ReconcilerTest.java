package io.drover.master.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.core.AgentId;
import io.drover.core.FrameworkId;
import io.drover.core.Resources;
import io.drover.core.TaskId;
import io.drover.core.TaskInfo;
import io.drover.core.TaskState;
import io.drover.core.TaskStatus;
import io.drover.core.TaskStatusReason;
import io.drover.master.task.TrackedTask;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReconcilerTest {
  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  private static final FrameworkId FW = FrameworkId.of("fw");
  private static final AgentId REGISTERED = AgentId.of("registered");
  private static final AgentId RECOVERING = AgentId.of("recovering");
  private static final AgentId UNREACHABLE = AgentId.of("unreachable");
  private static final Map<AgentId, AgentStanding> STANDINGS =
      Map.of(REGISTERED, AgentStanding.REGISTERED, RECOVERING, AgentStanding.RECOVERING, UNREACHABLE, AgentStanding.UNREACHABLE);

  private final TrackedTask running =
      new TrackedTask(FW, TaskInfo.command(TaskId.of("running"), REGISTERED, Resources.cpusMem(1, 1), "x"), TaskState.TASK_RUNNING, Optional.empty());
  private final TrackedTask finished =
      new TrackedTask(FW, TaskInfo.command(TaskId.of("finished"), REGISTERED, Resources.cpusMem(1, 1), "x"), TaskState.TASK_FINISHED, Optional.empty());
  private final Map<TaskId, TrackedTask> known = Map.of(running.id(), running, finished.id(), finished);

  private List<TaskStatus> explicit(TaskQuery query, boolean recovering) {
    return Reconciler.explicit(List.of(query), id -> Optional.ofNullable(known.get(id)), a -> STANDINGS.getOrDefault(a, AgentStanding.UNKNOWN), recovering, NOW);
  }

  private static TaskQuery query(String task, AgentId agent) {
    return new TaskQuery(TaskId.of(task), Optional.ofNullable(agent));
  }

  @Test
  void knownTaskGetsItsLatestStateWithoutUuid() {
    assertThat(explicit(query("running", null), true))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.state()).isEqualTo(TaskState.TASK_RUNNING);
              assertThat(s.reason()).isEqualTo(TaskStatusReason.RECONCILIATION);
              assertThat(s.uuid()).isEmpty();
              assertThat(s.agentId()).contains(REGISTERED);
            });
  }

  @Test
  void unknownTaskOnRegisteredAgentIsGone() {
    assertThat(explicit(query("x", REGISTERED), false)).singleElement().satisfies(s -> assertThat(s.state()).isEqualTo(TaskState.TASK_GONE));
  }

  @Test
  void unknownTaskOnUnreachableAgentIsUnreachable() {
    assertThat(explicit(query("x", UNREACHABLE), false)).singleElement().satisfies(s -> assertThat(s.state()).isEqualTo(TaskState.TASK_UNREACHABLE));
  }

  @Test
  void unknownTaskOnRecoveringAgentGetsNoAnswerYet() {
    assertThat(explicit(query("x", RECOVERING), true)).isEmpty();
  }

  @Test
  void unknownTaskOnUnknownAgentIsUnknown() {
    assertThat(explicit(query("x", AgentId.of("nobody")), false)).singleElement().satisfies(s -> assertThat(s.state()).isEqualTo(TaskState.TASK_UNKNOWN));
  }

  @Test
  void unknownTaskWithoutAgentWaitsWhileAgentsRecoverThenIsUnknown() {
    assertThat(explicit(query("x", null), true)).isEmpty();
    assertThat(explicit(query("x", null), false)).singleElement().satisfies(s -> assertThat(s.state()).isEqualTo(TaskState.TASK_UNKNOWN));
  }

  @Test
  void implicitAnswersEveryTaskThatHasNotEnded() {
    assertThat(Reconciler.implicit(List.of(running, finished), NOW)).singleElement().satisfies(s -> {
      assertThat(s.taskId()).isEqualTo(running.id());
      assertThat(s.reason()).isEqualTo(TaskStatusReason.RECONCILIATION);
    });
  }
}
