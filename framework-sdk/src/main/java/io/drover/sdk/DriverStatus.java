package io.drover.sdk;

/** Where a {@link SchedulerDriver} is in its life. */
public enum DriverStatus {
  NOT_STARTED,
  RUNNING,
  /** Stopped by the framework. */
  STOPPED,
  /** Stopped because the master removed the framework (a fatal error). */
  ABORTED
}
