package io.drover.marathon.storage;

/** A write was refused because another marathon-app has been elected since this one's term began. */
public final class FencedOutException extends StorageException {
  private static final long serialVersionUID = 1L;

  public FencedOutException(String message) {
    super(message, null);
  }
}
