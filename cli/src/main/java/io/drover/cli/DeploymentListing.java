package io.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Collectors;

/** {@code GET /v2/deployments} as a table. Pure. */
final class DeploymentListing {
  private DeploymentListing() {}

  static String table(JsonNode deployments) {
    Table table = new Table("ID", "APPS", "STEP", "CURRENT ACTIONS", "VERSION");
    for (JsonNode deployment : deployments) {
      String actions =
          ProgressCalculator.currentActions(deployment).entrySet().stream()
              .map(action -> action.getValue() + " " + action.getKey())
              .collect(Collectors.joining(", "));
      table.row(
          Json.text(deployment, "id", "?"),
          Json.elements(deployment.path("affectedApps")).stream().map(JsonNode::asText).collect(Collectors.joining(",")),
          deployment.path("currentStep").asInt() + "/" + deployment.path("totalSteps").asInt(),
          actions,
          Json.text(deployment, "version", "-"));
    }
    return table.isEmpty() ? "no deployments under way\n" : table.render();
  }
}
