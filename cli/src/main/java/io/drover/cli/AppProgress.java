package io.drover.cli;

/**
 * One app of a deployment step: how many of its instances are healthy at the version being deployed
 * ({@code ready}) against how many it wants; {@code exists} is false once the app is gone (being removed).
 */
record AppProgress(String appId, String action, int ready, int wanted, boolean exists) {
  /** Whether the app stands where the step takes it. */
  boolean settled() {
    return !exists || ready == wanted;
  }

  /** How far it got, from 0 to 1. */
  double fraction() {
    if (!exists) {
      return 0;
    }
    if (wanted == 0) {
      return ready == 0 ? 1 : 0;
    }
    return Math.min(ready, wanted) / (double) wanted;
  }

  String describe() {
    return exists ? appId + " " + ready + "/" + wanted + " healthy" : appId + " being removed";
  }
}
