package io.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Apps as people read them: {@code app list}'s table and {@code app show}'s page. Pure. */
final class AppListing {
  private static final int RUNS_WIDTH = 48;

  private AppListing() {}

  /** {@code GET /v2/apps} as a table. */
  static String table(JsonNode answer) {
    Table table = new Table("ID", "STATUS", "RUNNING", "HEALTHY", "CPUS", "MEM", "RUNS");
    for (JsonNode app : answer.path("apps")) {
      table.row(
          Json.text(app, "id", "?"),
          status(app),
          app.path("tasksRunning").asInt() + "/" + app.path("instances").asInt(),
          app.path("tasksHealthy").asInt(),
          number(app.path("cpus")),
          number(app.path("mem")),
          shorten(runs(app), RUNS_WIDTH));
    }
    return table.isEmpty() ? "no apps\n" : table.render();
  }

  /** {@code GET /v2/apps/{id}}'s {@code app}: its fields, then its tasks. */
  static String details(JsonNode answer) {
    JsonNode app = answer.path("app");
    Table fields = new Table("FIELD", "VALUE");
    fields.row("id", Json.text(app, "id", "?"));
    fields.row("status", status(app));
    fields.row("version", Json.text(app, "version", "-"));
    fields.row(
        "instances",
        app.path("tasksRunning").asInt() + " running of " + app.path("instances").asInt() + " wanted, " + app.path("tasksHealthy").asInt()
            + " healthy, " + app.path("tasksUnhealthy").asInt() + " unhealthy, " + app.path("tasksStaged").asInt() + " staged");
    fields.row("resources", "cpus " + number(app.path("cpus")) + ", mem " + number(app.path("mem")) + " MB, disk " + number(app.path("disk")) + " MB");
    fields.row("runs", runs(app));
    if (!app.path("labels").isEmpty()) {
      List<String> labels = new ArrayList<>();
      app.path("labels").fields().forEachRemaining(label -> labels.add(label.getKey() + "=" + label.getValue().asText()));
      fields.row("labels", String.join(", ", labels));
    }
    if (!app.path("deployments").isEmpty()) {
      fields.row("deployments", String.join(", ", Json.elements(app.path("deployments")).stream().map(d -> Json.text(d, "id", "?")).toList()));
    }
    JsonNode failure = app.path("lastTaskFailure");
    if (failure.isObject()) {
      fields.row(
          "last failure",
          Json.text(failure, "state", "?") + " of " + Json.text(failure, "taskId", "?") + " at " + Json.text(failure, "timestamp", "?") + ": "
              + Json.text(failure, "message", ""));
    }
    String page = fields.render();
    JsonNode tasks = app.path("tasks");
    return tasks.isEmpty() ? page + "\nno tasks\n" : page + "\n" + TaskListing.table(tasks);
  }

  /** Running, Deploying, Suspended (no instance wanted) or Waiting (fewer running than wanted). */
  static String status(JsonNode app) {
    if (!app.path("deployments").isEmpty()) {
      return "Deploying";
    }
    int wanted = app.path("instances").asInt();
    int running = app.path("tasksRunning").asInt();
    if (wanted == 0 && running == 0) {
      return "Suspended";
    }
    return running >= wanted ? "Running" : "Waiting";
  }

  /** What the app runs: its Docker image or its command. */
  static String runs(JsonNode app) {
    String image = Json.text(app.path("container").path("docker"), "image", null);
    if (image != null) {
      return "docker " + image;
    }
    String cmd = Json.text(app, "cmd", null);
    if (cmd != null) {
      return cmd;
    }
    return Json.elements(app.path("args")).stream().map(JsonNode::asText).reduce((a, b) -> a + " " + b).orElse("-");
  }

  static String number(JsonNode value) {
    if (!value.isNumber()) {
      return "-";
    }
    double number = value.asDouble();
    return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
  }

  static String shorten(String text, int width) {
    String flat = text.replaceAll("\\s+", " ");
    return flat.length() <= width ? flat : flat.substring(0, width - 3) + "...";
  }
}
