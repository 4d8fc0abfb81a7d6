package io.drover.marathon.instance;

import io.drover.core.TaskState;

/** Where an instance is in its life, with Marathon's condition names. */
public enum Condition {
  /** Launched on an offer; no status heard yet. */
  CREATED("Created"),
  STAGING("Staging"),
  STARTING("Starting"),
  RUNNING("Running"),
  KILLING("Killing"),
  FINISHED("Finished"),
  FAILED("Failed"),
  KILLED("Killed"),
  ERROR("Error"),
  DROPPED("Dropped"),
  /** Its agent cannot be reached; it may come back. Still counted while its app waits for it. */
  UNREACHABLE("Unreachable"),
  /** Unreachable for longer than its app's {@code inactiveAfterSeconds}: no longer counted, replaced. */
  UNREACHABLE_INACTIVE("UnreachableInactive"),
  GONE("Gone"),
  UNKNOWN("Unknown");

  private final String marathonName;

  Condition(String marathonName) {
    this.marathonName = marathonName;
  }

  public String marathonName() {
    return marathonName;
  }

  /** The instance has ended for good and is forgotten. */
  public boolean isTerminal() {
    return switch (this) {
      case FINISHED, FAILED, KILLED, ERROR, DROPPED, GONE, UNKNOWN -> true;
      default -> false;
    };
  }

  /** Not started yet: launched, staging or starting. */
  public boolean isStaged() {
    return this == CREATED || this == STAGING || this == STARTING;
  }

  public boolean isUnreachable() {
    return this == UNREACHABLE || this == UNREACHABLE_INACTIVE;
  }

  /**
   * The condition a task state puts an instance in. A lost task is gone (Drover's TASK_LOST is final);
   * a task the master knows nothing of is unknown, which Marathon treats as ended.
   */
  public static Condition of(TaskState state) {
    return switch (state) {
      case TASK_STAGING -> STAGING;
      case TASK_STARTING -> STARTING;
      case TASK_RUNNING -> RUNNING;
      case TASK_KILLING -> KILLING;
      case TASK_FINISHED -> FINISHED;
      case TASK_FAILED -> FAILED;
      case TASK_KILLED -> KILLED;
      case TASK_ERROR -> ERROR;
      case TASK_DROPPED -> DROPPED;
      case TASK_UNREACHABLE -> UNREACHABLE;
      case TASK_LOST, TASK_GONE, TASK_GONE_BY_OPERATOR -> GONE;
      case TASK_UNKNOWN -> UNKNOWN;
    };
  }
}
