package io.drover.marathon.api;

import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.app.AppStatusSource;
import io.drover.marathon.app.TaskView;
import io.drover.marathon.deployment.DeploymentManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /v2/tasks[?status=running|staging|...]}: every app's tasks as the {@link AppStatusSource}
 * reports them. Killing tasks belongs with the scheduling side that owns them.
 */
@Path("/v2/tasks")
@Produces(MediaType.APPLICATION_JSON)
public final class TasksResource {
  private final DeploymentManager manager;
  private final AppStatusSource status;

  public TasksResource(DeploymentManager manager, AppStatusSource status) {
    this.manager = manager;
    this.status = status;
  }

  @GET
  public Response tasks(@QueryParam("status") List<String> statuses) {
    List<String> wanted = statuses.stream().map(s -> "TASK_" + s.trim().toUpperCase(Locale.ROOT)).toList();
    List<TaskView> tasks = new ArrayList<>();
    for (AppDefinition app : manager.root().apps()) {
      for (TaskView task : status.tasks(app.id())) {
        if (wanted.isEmpty() || wanted.contains(task.state())) {
          tasks.add(task);
        }
      }
    }
    return JsonResponses.ok(Map.of("tasks", tasks));
  }
}
