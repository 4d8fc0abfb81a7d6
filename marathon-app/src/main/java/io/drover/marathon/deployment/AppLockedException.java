package io.drover.marathon.deployment;

import java.util.List;

/** A change touches apps that deployments under way are changing; {@code ?force=true} overrides it. */
public final class AppLockedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> deploymentIds;

  public AppLockedException(List<String> deploymentIds) {
    super(
        "App is locked by one or more deployments. Override with the option '?force=true'. View details at '/v2/deployments/"
            + String.join(",", deploymentIds) + "'.");
    this.deploymentIds = List.copyOf(deploymentIds);
  }

  public List<String> deploymentIds() {
    return deploymentIds;
  }
}
