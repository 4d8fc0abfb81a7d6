package io.drover.marathon.deployment;

import java.util.List;

/** Actions that may run at the same time; a step starts once the previous one has finished. */
public record DeploymentStep(List<DeploymentAction> actions) {
  public DeploymentStep {
    actions = List.copyOf(actions);
  }
}
