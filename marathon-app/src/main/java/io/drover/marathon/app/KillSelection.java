package io.drover.marathon.app;

/** Which instances go first when an app is scaled down or over-provisioned. */
public enum KillSelection {
  YOUNGEST_FIRST,
  OLDEST_FIRST
}
