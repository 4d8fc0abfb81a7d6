package io.drover.marathon.deployment;

/**
 * Drives deployments to their goal by launching and killing instances; implemented by the scheduling
 * side. Both methods return at once and do the work asynchronously.
 *
 * <p>Contract: {@link #start} begins (or, after a leader failover, resumes) at {@code
 * deployment.currentStep()}; for each step, run its actions and call {@link
 * DeploymentProgress#stepFinished} once all of them reached their goal (START/SCALE: {@code scaleTo}
 * instances running and healthy; RESTART: only instances of the new version, {@code scaleTo} of them,
 * replaced per {@link RollingUpgrade}; STOP: no instance left), then go on with the next step. After
 * the last {@code stepFinished} the deployment is done. Call {@link DeploymentProgress#failed} to give
 * up. {@link #cancel} stops driving a deployment without touching its instances (a forced deployment or
 * a rollback takes over from wherever they are).
 */
public interface DeploymentExecutor {
  void start(Deployment deployment, DeploymentProgress progress);

  void cancel(String deploymentId);
}
