package io.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Collectors;

/** Tasks as a table: {@code task list} and the tasks of {@code app show}. Pure. */
final class TaskListing {
  private TaskListing() {}

  /** A {@code tasks} array (of {@code /v2/tasks} or an app) as a table. */
  static String table(JsonNode tasks) {
    Table table = new Table("ID", "APP", "STATE", "HEALTH", "HOST", "PORTS", "STARTED", "VERSION");
    for (JsonNode task : tasks) {
      table.row(
          Json.text(task, "id", "?"),
          Json.text(task, "appId", "?"),
          Json.text(task, "state", "?").replaceFirst("^TASK_", ""),
          health(task),
          Json.text(task, "host", "-"),
          Json.elements(task.path("ports")).stream().map(JsonNode::asText).collect(Collectors.joining(",")),
          Json.text(task, "startedAt", "-"),
          Json.text(task, "version", "-"));
    }
    return table.isEmpty() ? "no tasks\n" : table.render();
  }

  /** healthy / unhealthy from its health check results, {@code -} without any. */
  static String health(JsonNode task) {
    JsonNode results = task.path("healthCheckResults");
    if (results.isEmpty()) {
      return "-";
    }
    for (JsonNode result : results) {
      if (!result.path("alive").asBoolean(false)) {
        return "unhealthy";
      }
    }
    return "healthy";
  }
}
