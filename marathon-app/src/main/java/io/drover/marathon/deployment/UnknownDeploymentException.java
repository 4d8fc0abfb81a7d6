package io.drover.marathon.deployment;

/** No deployment with this id is under way. */
public final class UnknownDeploymentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnknownDeploymentException(String id) {
    super("DeploymentPlan " + id + " does not exist");
  }
}
