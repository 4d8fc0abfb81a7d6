package io.drover.marathon.deployment;

import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.app.PathId;

/**
 * One app's part of a deployment step. {@code app} is the definition to run (for {@link
 * ActionType#STOP}, the definition being stopped); {@code scaleTo} is the instance count to reach
 * (0 for STOP). Global apps ({@link AppDefinition#global()}) carry their declared count, which the
 * executor replaces by the number of eligible agents.
 */
public record DeploymentAction(ActionType type, AppDefinition app, int scaleTo) {
  public static DeploymentAction start(AppDefinition app) {
    return new DeploymentAction(ActionType.START, app, app.instances());
  }

  public static DeploymentAction stop(AppDefinition app) {
    return new DeploymentAction(ActionType.STOP, app, 0);
  }

  public static DeploymentAction scale(AppDefinition app) {
    return new DeploymentAction(ActionType.SCALE, app, app.instances());
  }

  public static DeploymentAction restart(AppDefinition app) {
    return new DeploymentAction(ActionType.RESTART, app, app.instances());
  }

  public PathId appId() {
    return app.id();
  }
}
