package io.drover.master.registry;

/** The registry could not be read or written (ZooKeeper unreachable, unreadable data). */
public final class RegistryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
