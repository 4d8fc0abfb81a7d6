package io.drover.agent.task;

import io.drover.agent.containerizer.Termination;
import io.drover.core.TaskState;
import io.drover.core.TaskStatusReason;

/**
 * The terminal update a task's termination calls for: killed on request -> TASK_KILLED, exit status 0
 * -> TASK_FINISHED, any other end -> TASK_FAILED with the exit status (and what the containerizer adds,
 * such as an out-of-memory kill), or why none is known, and the last lines of the task's stderr.
 */
public record TaskEnd(TaskState state, TaskStatusReason reason, String message) {
  public static TaskEnd of(Termination termination, String stderrTail) {
    if (termination.killed()) {
      return new TaskEnd(TaskState.TASK_KILLED, TaskStatusReason.KILLED_BY_FRAMEWORK, "Task killed");
    }
    if (termination.exitStatus().isEmpty()) {
      return new TaskEnd(TaskState.TASK_FAILED, TaskStatusReason.EXECUTOR_TERMINATED, withStderr(capitalized(termination.detail()), stderrTail));
    }
    int status = termination.exitStatus().getAsInt();
    if (status == 0) {
      return new TaskEnd(TaskState.TASK_FINISHED, TaskStatusReason.COMMAND_EXITED, "Command exited with status 0");
    }
    String exit =
        status > 128 && status < 128 + 65
            ? "Command terminated by signal " + (status - 128) + " (exit status " + status + ")"
            : "Command exited with status " + status;
    if (!termination.detail().isEmpty()) {
      exit += " (" + termination.detail() + ")";
    }
    return new TaskEnd(TaskState.TASK_FAILED, TaskStatusReason.COMMAND_EXITED, withStderr(exit, stderrTail));
  }

  private static String withStderr(String message, String stderrTail) {
    return stderrTail.isBlank() ? message : message + "; last lines of stderr:\n" + stderrTail;
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? "The task ended without an exit status" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
