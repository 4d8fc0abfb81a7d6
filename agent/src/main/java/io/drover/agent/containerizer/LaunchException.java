package io.drover.agent.containerizer;

/** A container could not be started; the message says why, for the task's TASK_FAILED update. */
public final class LaunchException extends Exception {
  private static final long serialVersionUID = 1L;

  public LaunchException(String message, Throwable cause) {
    super(message, cause);
  }
}
