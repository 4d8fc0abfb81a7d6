package io.drover.marathon.api;

import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.app.AppStatusSource;
import io.drover.marathon.app.TaskView;
import io.drover.marathon.deployment.DeploymentManager;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /v2/tasks[?status=running|staging|...]}: every app's tasks as the {@link AppStatusSource}
 * reports them; {@code POST /v2/tasks/delete[?scale=true]} with {@code {"ids": [...]}} kills tasks of any apps.
 */
@Path("/v2/tasks")
@Produces(MediaType.APPLICATION_JSON)
public final class TasksResource {
  private final DeploymentManager manager;
  private final AppStatusSource status;
  private final JsonBodies bodies;
  private final TaskKills kills;

  public TasksResource(DeploymentManager manager, AppStatusSource status, JsonBodies bodies, TaskKills kills) {
    this.manager = manager;
    this.status = status;
    this.bodies = bodies;
    this.kills = kills;
  }

  /** The body of {@code POST /v2/tasks/delete}. */
  public record TaskIds(List<String> ids) {
    public TaskIds {
      ids = ids == null ? List.of() : List.copyOf(ids);
    }
  }

  @POST
  @Path("delete")
  public Response kill(
      InputStream body,
      @BeanParam KillQuery query) {
    TaskKills.Options options = query.options();
    TaskIds ids = JsonBodies.convert(bodies.tree(body), TaskIds.class);
    return kills.killTasks(ids.ids(), options).answer(killed -> Map.of("tasks", killed));
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
