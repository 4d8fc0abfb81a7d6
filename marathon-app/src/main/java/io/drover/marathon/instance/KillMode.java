package io.drover.marathon.instance;

/** What follows a kill that the API or a deployment asks for. */
public enum KillMode {
  /** The instance counts until it has ended, then is replaced (a restart of that instance). */
  RESTART,
  /** Its app version's target drops by one: it is not replaced. */
  SCALE_DOWN,
  /**
   * Marathon's {@code wipe}: the instance is forgotten at once (no longer stored, counted or waited
   * for), so a replacement is launched without waiting for its end; what its task reports later is
   * treated as an unknown task's (killed).
   */
  WIPE
}
