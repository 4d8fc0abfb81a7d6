package io.drover.marathon.deployment;

import io.drover.marathon.app.PathId;
import java.time.Instant;
import java.util.List;

/**
 * A deployment in Marathon's {@code GET /v2/deployments} shape: steps as
 * {@code {"actions":[{"action":"ScaleApplication","app":"/web"}]}}, {@code currentStep} counted from 1.
 */
public record DeploymentView(
    String id,
    Instant version,
    List<PathId> affectedApps,
    List<String> affectedPods,
    List<StepView> steps,
    List<ActionView> currentActions,
    int currentStep,
    int totalSteps) {

  /** One action: Marathon's action name and the app's id. */
  public record ActionView(String action, PathId app) {
    public static ActionView of(DeploymentAction action) {
      return new ActionView(action.type().marathonName(), action.appId());
    }
  }

  public record StepView(List<ActionView> actions) {
    public static StepView of(DeploymentStep step) {
      return new StepView(step.actions().stream().map(ActionView::of).toList());
    }
  }

  public static DeploymentView of(Deployment deployment) {
    DeploymentPlan plan = deployment.plan();
    return new DeploymentView(
        plan.id(),
        plan.version(),
        List.copyOf(plan.affectedApps()),
        List.of(),
        plan.steps().stream().map(StepView::of).toList(),
        deployment.currentActions().stream().map(ActionView::of).toList(),
        Math.min(deployment.currentStep() + 1, plan.steps().size()),
        plan.steps().size());
  }

  /** The plan alone, as Marathon's events carry it: {@code {id, version, steps}}. */
  public record PlanView(String id, Instant version, List<PathId> affectedApps, List<StepView> steps) {
    public static PlanView of(DeploymentPlan plan) {
      return new PlanView(plan.id(), plan.version(), List.copyOf(plan.affectedApps()), plan.steps().stream().map(StepView::of).toList());
    }
  }
}
