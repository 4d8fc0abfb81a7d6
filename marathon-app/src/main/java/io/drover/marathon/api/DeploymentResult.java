package io.drover.marathon.api;

import io.drover.marathon.deployment.DeploymentPlan;
import java.time.Instant;

/** Marathon's answer to a change: {@code {"deploymentId": ..., "version": ...}}. */
public record DeploymentResult(String deploymentId, Instant version) {
  static DeploymentResult of(DeploymentPlan plan) {
    return new DeploymentResult(plan.id(), plan.version());
  }
}
