package io.drover.marathon.deployment;

/**
 * A deployment under way: its plan and the index (0-based) of the step being executed. Persisted
 * whenever a step finishes, so a new leader resumes at {@code currentStep}.
 */
public record Deployment(DeploymentPlan plan, int currentStep) {
  public Deployment {
    if (currentStep < 0 || currentStep > plan.steps().size()) {
      throw new IllegalArgumentException("step " + currentStep + " outside the plan's " + plan.steps().size() + " steps");
    }
  }

  public static Deployment starting(DeploymentPlan plan) {
    return new Deployment(plan, 0);
  }

  public String id() {
    return plan.id();
  }

  public Deployment withCurrentStep(int step) {
    return new Deployment(plan, step);
  }

  /** The actions of the current step, or none once every step has finished. */
  public java.util.List<DeploymentAction> currentActions() {
    return currentStep < plan.steps().size() ? plan.steps().get(currentStep).actions() : java.util.List.of();
  }
}
