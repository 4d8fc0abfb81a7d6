package io.drover.core;

/** A value that breaks a domain rule; the message says which rule. */
public final class InvalidValueException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidValueException(String message) {
    super(message);
  }
}
