package io.drover.marathon.events;

import io.drover.marathon.app.PathId;
import io.drover.marathon.deployment.Deployment;
import io.drover.marathon.deployment.DeploymentListener;
import io.drover.marathon.deployment.DeploymentPlan;
import io.drover.marathon.deployment.DeploymentView.PlanView;
import io.drover.marathon.deployment.DeploymentView.StepView;
import io.drover.marathon.group.RootGroup;
import java.time.Clock;
import java.util.List;

/** Publishes what the deployment manager reports as Marathon's deployment and group events. */
public final class DeploymentEvents implements DeploymentListener {
  private final EventBus bus;
  private final Clock clock;

  public DeploymentEvents(EventBus bus, Clock clock) {
    this.bus = bus;
    this.clock = clock;
  }

  @Override
  public void groupChanged(RootGroup root) {
    bus.publish(new Events.GroupChangeSuccess(clock.instant(), PathId.ROOT, root.version()));
  }

  @Override
  public void started(Deployment deployment) {
    bus.publish(new Events.DeploymentInfo(clock.instant(), PlanView.of(deployment.plan()), step(deployment.plan(), deployment.currentStep())));
  }

  @Override
  public void stepFinished(Deployment deployment) {
    bus.publish(
        new Events.DeploymentStepSuccess(clock.instant(), PlanView.of(deployment.plan()), step(deployment.plan(), deployment.currentStep() - 1)));
  }

  @Override
  public void succeeded(DeploymentPlan plan) {
    if (!plan.isEmpty()) {
      bus.publish(new Events.DeploymentStepSuccess(clock.instant(), PlanView.of(plan), step(plan, plan.steps().size() - 1)));
    }
    bus.publish(new Events.DeploymentSuccess(clock.instant(), plan.id(), PlanView.of(plan)));
  }

  @Override
  public void failed(DeploymentPlan plan, String reason) {
    bus.publish(new Events.DeploymentFailed(clock.instant(), plan.id(), PlanView.of(plan), reason));
  }

  private static StepView step(DeploymentPlan plan, int index) {
    return index >= 0 && index < plan.steps().size()
        ? StepView.of(plan.steps().get(index))
        : new StepView(List.of());
  }
}
