package io.drover.marathon.deployment;

import io.drover.marathon.group.RootGroup;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records deployment events as short strings, in order. */
public final class RecordingListener implements DeploymentListener {
  public final List<String> events = new CopyOnWriteArrayList<>();

  @Override
  public void groupChanged(RootGroup root) {
    events.add("group_change_success");
  }

  @Override
  public void started(Deployment deployment) {
    events.add("deployment_info " + deployment.id());
  }

  @Override
  public void stepFinished(Deployment deployment) {
    events.add("deployment_step_success " + deployment.id() + " " + deployment.currentStep());
  }

  @Override
  public void succeeded(DeploymentPlan plan) {
    events.add("deployment_success " + plan.id());
  }

  @Override
  public void failed(DeploymentPlan plan, String reason) {
    events.add("deployment_failed " + plan.id() + " " + reason);
  }
}
