package io.drover.marathon.storage;

/** State could not be read or written; the message says what and why. */
public class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
