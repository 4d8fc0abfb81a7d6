package io.drover.protocol.coordination;

/** A fenced transaction was refused because the epoch node has moved on since the term began. */
public final class StaleEpochException extends Exception {
  private static final long serialVersionUID = 1L;

  public StaleEpochException(String epochPath, int expectedVersion) {
    super("the epoch node " + epochPath + " is no longer at version " + expectedVersion);
  }
}
