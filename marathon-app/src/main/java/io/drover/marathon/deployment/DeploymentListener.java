package io.drover.marathon.deployment;

import io.drover.marathon.group.RootGroup;

/**
 * Told what happens to deployments once it is durable (Marathon's {@code group_change_success},
 * {@code deployment_info}, {@code deployment_step_success}, {@code deployment_success}, {@code
 * deployment_failed} events). Called while {@link DeploymentManager} holds its lock: return quickly.
 */
public interface DeploymentListener {
  void groupChanged(RootGroup root);

  void started(Deployment deployment);

  /** Step {@code deployment.currentStep() - 1} has finished and {@code deployment.currentStep()} begins. */
  void stepFinished(Deployment deployment);

  void succeeded(DeploymentPlan plan);

  void failed(DeploymentPlan plan, String reason);
}
