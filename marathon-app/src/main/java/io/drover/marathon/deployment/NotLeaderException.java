package io.drover.marathon.deployment;

/** This marathon-app does not lead (any more), so it may not change anything. */
public final class NotLeaderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NotLeaderException() {
    super("this marathon-app instance is not the leader");
  }
}
