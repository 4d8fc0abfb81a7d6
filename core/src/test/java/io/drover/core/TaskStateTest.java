package io.drover.core;

import static io.drover.core.TaskState.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Checks the whole table: every state to every state. */
class TaskStateTest {
  private static final Set<TaskState> ENDS_AFTER_LAUNCH =
      EnumSet.of(TASK_FINISHED, TASK_FAILED, TASK_KILLED, TASK_LOST, TASK_GONE, TASK_GONE_BY_OPERATOR);

  private static final Map<TaskState, Set<TaskState>> LEGAL = new EnumMap<>(TaskState.class);

  static {
    LEGAL.put(TASK_STAGING, union(EnumSet.of(TASK_STAGING, TASK_STARTING, TASK_RUNNING, TASK_KILLING, TASK_UNREACHABLE, TASK_UNKNOWN, TASK_ERROR, TASK_DROPPED)));
    LEGAL.put(TASK_STARTING, union(EnumSet.of(TASK_STARTING, TASK_RUNNING, TASK_KILLING, TASK_UNREACHABLE, TASK_UNKNOWN)));
    LEGAL.put(TASK_RUNNING, union(EnumSet.of(TASK_RUNNING, TASK_KILLING, TASK_UNREACHABLE, TASK_UNKNOWN)));
    LEGAL.put(TASK_KILLING, union(EnumSet.of(TASK_KILLING, TASK_UNREACHABLE, TASK_UNKNOWN)));
    Set<TaskState> found = EnumSet.complementOf(EnumSet.of(TASK_STAGING, TASK_ERROR, TASK_DROPPED));
    LEGAL.put(TASK_UNREACHABLE, found);
    LEGAL.put(TASK_UNKNOWN, found);
    for (TaskState terminal : EnumSet.of(TASK_FINISHED, TASK_FAILED, TASK_KILLED, TASK_ERROR, TASK_LOST, TASK_DROPPED, TASK_GONE, TASK_GONE_BY_OPERATOR)) {
      LEGAL.put(terminal, EnumSet.noneOf(TaskState.class));
    }
  }

  private static Set<TaskState> union(Set<TaskState> states) {
    states.addAll(ENDS_AFTER_LAUNCH);
    return states;
  }

  @Test
  void everyStateHasARow() {
    assertThat(LEGAL.keySet()).containsExactlyInAnyOrder(TaskState.values());
  }

  @Test
  void everyTransitionMatchesTheTable() {
    for (TaskState from : TaskState.values()) {
      for (TaskState to : TaskState.values()) {
        assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(LEGAL.get(from).contains(to));
      }
    }
  }

  @Test
  void terminalStatesHaveNoWayOut() {
    for (TaskState s : TaskState.values()) {
      assertThat(s.isTerminal()).as(s.name()).isEqualTo(LEGAL.get(s).isEmpty());
    }
  }

  @Test
  void activeStatesAreTheRunningOnes() {
    assertThat(EnumSet.allOf(TaskState.class).stream().filter(TaskState::isActive))
        .containsExactlyInAnyOrder(TASK_STAGING, TASK_STARTING, TASK_RUNNING, TASK_KILLING);
  }
}
