package io.drover.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** How a deployment ended: succeeded, or failed and why. */
record DeploymentOutcome(boolean succeeded, String reason) {
  static final String SUCCESS_EVENT = "deployment_success";
  static final String FAILED_EVENT = "deployment_failed";

  /** The events a deployment's watcher follows: its verdicts, and the changes that move its progress. */
  static final List<String> WATCHED_EVENTS =
      List.of("deployment_info", "deployment_step_success", SUCCESS_EVENT, FAILED_EVENT, "status_update_event", "health_status_changed_event");

  static DeploymentOutcome success() {
    return new DeploymentOutcome(true, "");
  }

  static DeploymentOutcome failure(String reason) {
    return new DeploymentOutcome(false, reason);
  }

  /** The verdict an event gives on deployment {@code id}, if it is that deployment's success or failure. */
  static Optional<DeploymentOutcome> of(ServerSentEvent event, String id) {
    if (!event.type().equals(SUCCESS_EVENT) && !event.type().equals(FAILED_EVENT)) {
      return Optional.empty();
    }
    JsonNode data;
    try {
      data = Json.parse(event.data());
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
    String eventId = Json.text(data, "id", Json.text(data.path("plan"), "id", ""));
    if (!eventId.equals(id)) {
      return Optional.empty();
    }
    return Optional.of(event.type().equals(SUCCESS_EVENT) ? success() : failure(Json.text(data, "reason", "marathon-app gave no reason")));
  }

  /**
   * The verdict when the deployment left {@code /v2/deployments} without an event saying how: it
   * succeeded if its apps stand where it took them.
   */
  static DeploymentOutcome ofSettledApps(List<AppProgress> apps) {
    List<String> unsettled = apps.stream().filter(app -> !app.settled()).map(AppProgress::describe).toList();
    return unsettled.isEmpty()
        ? success()
        : failure("it ended before its apps were ready (" + String.join(", ", unsettled) + ")");
  }
}
