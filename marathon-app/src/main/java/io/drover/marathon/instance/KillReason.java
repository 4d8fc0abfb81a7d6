package io.drover.marathon.instance;

/** Why the scheduler asked for an instance to be killed, which decides what follows its end. */
public enum KillReason {
  /** Above its app's target (a scale-down, or a second instance once an unreachable one came back). */
  SCALING_DOWN(false, false),
  /** Its app was removed. */
  APP_REMOVED(false, false),
  /** Killed on request without scaling: a fresh instance replaces it. */
  REQUESTED(true, false),
  /** Failed its health checks too often: replaced, and its app's launch delay grows. */
  UNHEALTHY(true, true);

  private final boolean replaced;
  private final boolean growsBackoff;

  KillReason(boolean replaced, boolean growsBackoff) {
    this.replaced = replaced;
    this.growsBackoff = growsBackoff;
  }

  /** The instance still counts towards its app's target until it ends, and is then replaced. */
  public boolean replaced() {
    return replaced;
  }

  /** Its end counts as a failure of the app for the launch backoff. */
  public boolean growsBackoff() {
    return growsBackoff;
  }
}
