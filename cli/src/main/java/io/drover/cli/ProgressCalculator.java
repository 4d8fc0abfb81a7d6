package io.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes a deployment's progress from the API's JSON, the way marathon-app judges a step done: an
 * instance counts when it runs the app's current configuration version and passes its health checks
 * (or, without checks, is not known to fail them). Pure.
 */
final class ProgressCalculator {
  private static final String STOP = "StopApplication";

  private ProgressCalculator() {}

  /**
   * The apps the deployment's current step changes, with their actions, from a {@code /v2/deployments}
   * entry: {@code currentActions}, or else the actions of step {@code currentStep}.
   */
  static Map<String, String> currentActions(JsonNode deployment) {
    JsonNode actions = deployment.path("currentActions");
    if (actions.isEmpty()) {
      int step = deployment.path("currentStep").asInt(1);
      actions = deployment.path("steps").path(step - 1).path("actions");
    }
    Map<String, String> byApp = new LinkedHashMap<>();
    actions.forEach(action -> byApp.putIfAbsent(Json.text(action, "app", "?"), Json.text(action, "action", "?")));
    return byApp;
  }

  /** The deployment's progress, given each current app's {@code /v2/apps/{id}} {@code app} (absent: gone). */
  static DeploymentProgress progress(JsonNode deployment, Map<String, Optional<JsonNode>> apps) {
    List<AppProgress> rows = new ArrayList<>();
    currentActions(deployment).forEach((appId, action) -> rows.add(app(appId, action, apps.getOrDefault(appId, Optional.empty()))));
    return new DeploymentProgress(
        Json.text(deployment, "id", "?"), deployment.path("currentStep").asInt(1), deployment.path("totalSteps").asInt(1), rows);
  }

  /** One app's progress towards its wanted instances ({@code action} StopApplication wants none). */
  static AppProgress app(String appId, String action, Optional<JsonNode> app) {
    if (app.isEmpty()) {
      return new AppProgress(appId, action, 0, 0, false);
    }
    int wanted = action.equals(STOP) ? 0 : app.get().path("instances").asInt(0);
    return new AppProgress(appId, action, ready(app.get()), wanted, true);
  }

  /** The app's tasks that run its current configuration version and are healthy. */
  static int ready(JsonNode app) {
    Optional<Instant> version = Json.instant(app.path("versionInfo").path("lastConfigChangeAt")).or(() -> Json.instant(app.path("version")));
    boolean hasChecks = !app.path("healthChecks").isEmpty();
    int ready = 0;
    for (JsonNode task : app.path("tasks")) {
      boolean running = "TASK_RUNNING".equals(Json.text(task, "state", ""));
      boolean current = version.isEmpty() || version.equals(Json.instant(task.path("version")));
      if (running && current && healthy(task, hasChecks)) {
        ready++;
      }
    }
    return ready;
  }

  private static boolean healthy(JsonNode task, boolean hasChecks) {
    JsonNode results = task.path("healthCheckResults");
    boolean anyFailing = false;
    for (JsonNode result : results) {
      anyFailing |= !result.path("alive").asBoolean(false);
    }
    return hasChecks ? !results.isEmpty() && !anyFailing : !anyFailing;
  }
}
