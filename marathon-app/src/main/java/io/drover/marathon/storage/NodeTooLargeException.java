package io.drover.marathon.storage;

/** An object would not fit in one ZooKeeper node even compressed; nothing was written. */
public final class NodeTooLargeException extends StorageException {
  private static final long serialVersionUID = 1L;

  public NodeTooLargeException(String message) {
    super(message, null);
  }
}
