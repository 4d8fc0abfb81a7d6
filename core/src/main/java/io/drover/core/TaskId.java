package io.drover.core;

/** Identifies a task uniquely within its framework. */
public record TaskId(String value) implements Comparable<TaskId> {
  public TaskId {
    Ids.requireValid(value, "TaskId");
  }

  public static TaskId of(String value) {
    return new TaskId(value);
  }

  @Override
  public int compareTo(TaskId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
