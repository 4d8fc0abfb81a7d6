package io.drover.agent.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.agent.containerizer.Termination;
import io.drover.core.TaskState;
import io.drover.core.TaskStatusReason;
import org.junit.jupiter.api.Test;

class TaskEndTest {
  @Test
  void exitStatusZeroFinishes() {
    assertThat(TaskEnd.of(Termination.exited(0, false), "noise"))
        .isEqualTo(new TaskEnd(TaskState.TASK_FINISHED, TaskStatusReason.COMMAND_EXITED, "Command exited with status 0"));
  }

  @Test
  void aNonZeroStatusFailsWithTheStatusAndTheLastLinesOfStderr() {
    TaskEnd end = TaskEnd.of(Termination.exited(3, false), "line 1\nline 2");

    assertThat(end.state()).isEqualTo(TaskState.TASK_FAILED);
    assertThat(end.reason()).isEqualTo(TaskStatusReason.COMMAND_EXITED);
    assertThat(end.message()).isEqualTo("Command exited with status 3; last lines of stderr:\nline 1\nline 2");
  }

  @Test
  void aDeathBySignalNamesTheSignal() {
    assertThat(TaskEnd.of(Termination.exited(137, false), "").message()).isEqualTo("Command terminated by signal 9 (exit status 137)");
  }

  @Test
  void aKilledTaskIsKilledWhateverItsStatus() {
    assertThat(TaskEnd.of(Termination.exited(0, true), "").state()).isEqualTo(TaskState.TASK_KILLED);
    assertThat(TaskEnd.of(Termination.withoutStatus("gone", true), "").state()).isEqualTo(TaskState.TASK_KILLED);
  }

  @Test
  void anEndWithoutStatusFailsWithItsExplanation() {
    TaskEnd end = TaskEnd.of(Termination.withoutStatus("process 12 has exited while the agent was down", false), "");

    assertThat(end.state()).isEqualTo(TaskState.TASK_FAILED);
    assertThat(end.reason()).isEqualTo(TaskStatusReason.EXECUTOR_TERMINATED);
    assertThat(end.message()).isEqualTo("Process 12 has exited while the agent was down");
  }

  @Test
  void whatTheContainerizerKnowsOfAnEndWithAStatusIsAddedToIt() {
    TaskEnd end = TaskEnd.of(new Termination(java.util.OptionalInt.of(137), false, "the container ran out of memory"), "");

    assertThat(end.state()).isEqualTo(TaskState.TASK_FAILED);
    assertThat(end.message()).isEqualTo("Command terminated by signal 9 (exit status 137) (the container ran out of memory)");
  }
}
