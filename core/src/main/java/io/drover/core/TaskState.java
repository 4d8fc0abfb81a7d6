package io.drover.core;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a task, with Mesos's names. Which moves between states are legal is decided by {@link
 * #canMoveTo}; a terminal state has no way out.
 */
public enum TaskState {
  TASK_STAGING,
  TASK_STARTING,
  TASK_RUNNING,
  TASK_KILLING,
  TASK_FINISHED,
  TASK_FAILED,
  TASK_KILLED,
  TASK_ERROR,
  TASK_LOST,
  TASK_DROPPED,
  TASK_UNREACHABLE,
  TASK_GONE,
  TASK_GONE_BY_OPERATOR,
  TASK_UNKNOWN;

  private static final Set<TaskState> TERMINAL =
      EnumSet.of(TASK_FINISHED, TASK_FAILED, TASK_KILLED, TASK_ERROR, TASK_LOST, TASK_DROPPED, TASK_GONE, TASK_GONE_BY_OPERATOR);

  /** Ends of a task that a framework may see after the agent ran it. */
  private static final Set<TaskState> ENDS_AFTER_LAUNCH =
      EnumSet.of(TASK_FINISHED, TASK_FAILED, TASK_KILLED, TASK_LOST, TASK_GONE, TASK_GONE_BY_OPERATOR);

  public boolean isTerminal() {
    return TERMINAL.contains(this);
  }

  /** Whether a task in this state is expected to be running somewhere. */
  public boolean isActive() {
    return this == TASK_STAGING || this == TASK_STARTING || this == TASK_RUNNING || this == TASK_KILLING;
  }

  /**
   * Whether a task may go from this state to {@code next}. Repeating a non-terminal state is legal (a
   * health change re-sends TASK_RUNNING); a terminal state is final.
   */
  public boolean canMoveTo(TaskState next) {
    if (isTerminal()) {
      return false;
    }
    return switch (this) {
      case TASK_STAGING ->
          next == TASK_STAGING
              || next == TASK_STARTING
              || next == TASK_RUNNING
              || next == TASK_KILLING
              || next == TASK_UNREACHABLE
              || next == TASK_UNKNOWN
              || next == TASK_ERROR
              || next == TASK_DROPPED
              || ENDS_AFTER_LAUNCH.contains(next);
      case TASK_STARTING ->
          next == TASK_STARTING
              || next == TASK_RUNNING
              || next == TASK_KILLING
              || next == TASK_UNREACHABLE
              || next == TASK_UNKNOWN
              || ENDS_AFTER_LAUNCH.contains(next);
      case TASK_RUNNING ->
          next == TASK_RUNNING
              || next == TASK_KILLING
              || next == TASK_UNREACHABLE
              || next == TASK_UNKNOWN
              || ENDS_AFTER_LAUNCH.contains(next);
      case TASK_KILLING ->
          next == TASK_KILLING
              || next == TASK_UNREACHABLE
              || next == TASK_UNKNOWN
              || ENDS_AFTER_LAUNCH.contains(next);
      // An unreachable or unknown task may be found again in whatever state its agent reports.
      case TASK_UNREACHABLE, TASK_UNKNOWN -> next != TASK_STAGING && next != TASK_ERROR && next != TASK_DROPPED;
      default -> throw new IllegalStateException("unhandled state " + this);
    };
  }
}
