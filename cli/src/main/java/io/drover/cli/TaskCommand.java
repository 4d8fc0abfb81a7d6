package io.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drover task ...}: the apps' tasks. */
@Command(
    name = "task",
    mixinStandardHelpOptions = true,
    description = "Lists and kills the tasks of marathon-app's apps.",
    subcommands = {TaskCommand.ListTasks.class, TaskCommand.Kill.class})
public final class TaskCommand {
  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists tasks: id, app, state, health, host, ports.")
  static final class ListTasks extends ApiCommand {
    @Option(names = "--app", paramLabel = "ID", description = "Only this app's tasks.")
    String app;

    @Option(names = "--json", description = "Print the API's JSON (GET /v2/tasks or /v2/apps/ID/tasks).")
    boolean json;

    @Override
    public Integer call() {
      String path = app == null ? "/v2/tasks" : "/v2/apps" + MarathonClient.appPath(app) + "/tasks";
      return print(client().get(path), json, answer -> TaskListing.table(answer.path("tasks")));
    }
  }

  @Command(
      name = "kill",
      mixinStandardHelpOptions = true,
      description = {"Kills a task; its app launches a replacement unless --scale, which lowers the app's instances by one (a deployment, followed)."},
      footer = "%nExit codes: 0 success, 1 failure (unknown task, API error, deployment failed, marathon-app unreachable), 2 usage.")
  static final class Kill extends ApiCommand {
    @Parameters(paramLabel = "TASK", description = "The task's id, as task list shows it.")
    String task;

    @Option(names = "--scale", description = "Do not replace it: the app wants one instance fewer.")
    boolean scale;

    @Mixin DeploymentOptions deployment;

    @Override
    public Integer call() {
      ObjectNode body = Json.MAPPER.createObjectNode();
      body.putArray("ids").add(task);
      String path = "/v2/tasks/delete?scale=" + scale + (deployment.force ? "&force=true" : "");
      if (scale) {
        List<String> apps = appOf(client().get("/v2/tasks").path("tasks"), task);
        return deployment.start(this, apps, () -> client().post(path, body));
      }
      JsonNode killed = client().post(path, body).path("tasks");
      if (killed.isEmpty()) {
        throw CliFailure.failed("task " + task + " is not a task of any app (see drover task list)");
      }
      out().println("killed " + task);
      out().flush();
      return 0;
    }

    /** The app of the task, checked before anything is sent: a kill of an unknown task starts nothing. */
    private static List<String> appOf(JsonNode tasks, String taskId) {
      Set<String> apps = new LinkedHashSet<>();
      for (JsonNode task : tasks) {
        if (taskId.equals(Json.text(task, "id", null))) {
          apps.add(Json.text(task, "appId", "?"));
        }
      }
      if (apps.isEmpty()) {
        throw CliFailure.failed("task " + taskId + " is not a task of any app (see drover task list)");
      }
      return List.copyOf(apps);
    }
  }
}
