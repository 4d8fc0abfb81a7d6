package io.drover.marathon.deployment;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a deployment does to one app, with Marathon's names for {@code /v2/deployments}. */
public enum ActionType {
  /** Launch a new app's instances up to {@code scaleTo}. */
  START("StartApplication"),
  /** Kill every instance of an app that was removed. */
  STOP("StopApplication"),
  /** Launch or kill (per {@code killSelection}) instances of an unchanged definition until {@code scaleTo} run. */
  SCALE("ScaleApplication"),
  /** Replace every instance with one of the new definition, as the upgrade strategy allows. */
  RESTART("RestartApplication");

  private final String marathonName;

  ActionType(String marathonName) {
    this.marathonName = marathonName;
  }

  @JsonValue
  public String marathonName() {
    return marathonName;
  }
}
