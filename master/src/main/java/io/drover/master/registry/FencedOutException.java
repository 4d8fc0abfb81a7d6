package io.drover.master.registry;

/** A registry write was refused because another master has taken over since this one was elected. */
public final class FencedOutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FencedOutException(String message) {
    super(message);
  }
}
