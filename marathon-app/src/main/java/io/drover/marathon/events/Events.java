package io.drover.marathon.events;

import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.app.IpAddress;
import io.drover.marathon.app.PathId;
import io.drover.marathon.deployment.DeploymentView.PlanView;
import io.drover.marathon.deployment.DeploymentView.StepView;
import java.time.Instant;
import java.util.List;

/** Marathon's event types, with its field names. */
public final class Events {
  private Events() {}

  /** An app was created or changed through the API. */
  public record ApiPostEvent(Instant timestamp, String clientIp, String uri, AppDefinition appDefinition) implements MarathonEvent {
    @Override
    public String eventType() {
      return "api_post_event";
    }
  }

  /** The root group changed (its new version is being deployed). */
  public record GroupChangeSuccess(Instant timestamp, PathId groupId, Instant version) implements MarathonEvent {
    @Override
    public String eventType() {
      return "group_change_success";
    }
  }

  /** A deployment started; {@code currentStep} is its first step. */
  public record DeploymentInfo(Instant timestamp, PlanView plan, StepView currentStep) implements MarathonEvent {
    @Override
    public String eventType() {
      return "deployment_info";
    }
  }

  /** A step of a deployment finished; {@code currentStep} is the step that finished. */
  public record DeploymentStepSuccess(Instant timestamp, PlanView plan, StepView currentStep) implements MarathonEvent {
    @Override
    public String eventType() {
      return "deployment_step_success";
    }
  }

  public record DeploymentSuccess(Instant timestamp, String id, PlanView plan) implements MarathonEvent {
    @Override
    public String eventType() {
      return "deployment_success";
    }
  }

  /** A deployment failed or was cancelled; {@code reason} says why (beyond Marathon's fields). */
  public record DeploymentFailed(Instant timestamp, String id, PlanView plan, String reason) implements MarathonEvent {
    @Override
    public String eventType() {
      return "deployment_failed";
    }
  }

  /** A task changed state ({@code taskStatus} is the Mesos-style state, e.g. {@code TASK_RUNNING}). */
  public record StatusUpdate(
      Instant timestamp,
      String slaveId,
      String taskId,
      String taskStatus,
      String message,
      PathId appId,
      String host,
      List<IpAddress> ipAddresses,
      List<Integer> ports,
      Instant version)
      implements MarathonEvent {
    @Override
    public String eventType() {
      return "status_update_event";
    }
  }

  /** A task's health changed. */
  public record HealthStatusChanged(Instant timestamp, PathId appId, String taskId, String instanceId, Instant version, boolean alive)
      implements MarathonEvent {
    @Override
    public String eventType() {
      return "health_status_changed_event";
    }
  }

  /** The last instance of a removed app is gone. */
  public record AppTerminated(Instant timestamp, PathId appId) implements MarathonEvent {
    @Override
    public String eventType() {
      return "app_terminated_event";
    }
  }

  /** Sent first on every {@code /v2/events} stream. */
  public record EventStreamAttached(Instant timestamp, String remoteAddress) implements MarathonEvent {
    @Override
    public String eventType() {
      return "event_stream_attached";
    }
  }
}
