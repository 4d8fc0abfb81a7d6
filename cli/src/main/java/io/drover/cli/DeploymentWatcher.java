package io.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Follows one deployment to its end. Its verdict comes from {@code deployment_success} /
 * {@code deployment_failed} on the event stream; every event and every poll interval refreshes the
 * progress from {@code /v2/deployments} and {@code /v2/apps/{id}}. Once the deployment has left the
 * list and no verdict came within a grace period (or there is no stream), its apps decide.
 */
final class DeploymentWatcher {
  private final MarathonClient client;
  private final ProgressDisplay display;
  private final Duration pollInterval;
  private final Duration verdictGrace;

  DeploymentWatcher(MarathonClient client, ProgressDisplay display, Duration pollInterval, Duration verdictGrace) {
    this.client = client;
    this.display = display;
    this.pollInterval = pollInterval;
    this.verdictGrace = verdictGrace;
  }

  /** Watches deployment {@code id}, which changes {@code appIds} (more are learnt from the deployment). */
  DeploymentOutcome watch(String id, List<String> appIds, EventStream events) throws InterruptedException {
    Set<String> apps = new LinkedHashSet<>(appIds);
    int totalSteps = 1;
    long goneSince = -1;
    try {
      while (true) {
        Optional<ServerSentEvent> event = events.next(pollInterval);
        Optional<DeploymentOutcome> verdict = event.flatMap(e -> DeploymentOutcome.of(e, id));
        if (verdict.isPresent()) {
          if (verdict.get().succeeded()) {
            display.show(new DeploymentProgress(id, totalSteps, totalSteps, appsNow(apps)).render());
          }
          return verdict.get();
        }
        Optional<JsonNode> deployment = find(client, id);
        if (deployment.isPresent()) {
          goneSince = -1;
          deployment.get().path("affectedApps").forEach(app -> apps.add(app.asText()));
          totalSteps = deployment.get().path("totalSteps").asInt(totalSteps);
          display.show(progress(deployment.get()).render());
          continue;
        }
        if (goneSince < 0) {
          goneSince = System.nanoTime();
        }
        boolean graceOver = System.nanoTime() - goneSince >= verdictGrace.toNanos();
        if (!events.isOpen() || graceOver) {
          List<AppProgress> settled = appsNow(apps);
          display.show(new DeploymentProgress(id, totalSteps, totalSteps, settled).render());
          return DeploymentOutcome.ofSettledApps(settled);
        }
      }
    } finally {
      display.finish();
    }
  }

  /** The deployment as {@code /v2/deployments} lists it, if it is still under way. */
  static Optional<JsonNode> find(MarathonClient client, String id) {
    for (JsonNode deployment : client.get("/v2/deployments")) {
      if (id.equals(Json.text(deployment, "id", null))) {
        return Optional.of(deployment);
      }
    }
    return Optional.empty();
  }

  private DeploymentProgress progress(JsonNode deployment) {
    Map<String, Optional<JsonNode>> apps = new LinkedHashMap<>();
    ProgressCalculator.currentActions(deployment).keySet().forEach(appId -> apps.put(appId, app(appId)));
    return ProgressCalculator.progress(deployment, apps);
  }

  /** The apps once the deployment is over: an app that is gone then wants and has no instances. */
  private List<AppProgress> appsNow(Set<String> appIds) {
    List<AppProgress> rows = new ArrayList<>();
    for (String appId : appIds) {
      rows.add(app(appId).map(app -> ProgressCalculator.app(appId, "", Optional.of(app))).orElse(new AppProgress(appId, "StopApplication", 0, 0, true)));
    }
    return rows;
  }

  /** The app with its tasks, or empty when it does not exist (any more). */
  private Optional<JsonNode> app(String appId) {
    return client.find("/v2/apps" + MarathonClient.appPath(appId)).map(answer -> answer.path("app"));
  }
}
