package io.drover.marathon.deployment;

/**
 * How a {@link DeploymentExecutor} reports back; implemented by {@link DeploymentManager}. Calls may
 * come from any thread. Each method is idempotent for a given deployment and step.
 */
public interface DeploymentProgress {
  /** Every action of step {@code stepIndex} (0-based) has reached its goal. */
  void stepFinished(String deploymentId, int stepIndex);

  /** The deployment cannot finish (e.g. its progress deadline passed); {@code reason} says why. */
  void failed(String deploymentId, String reason);
}
