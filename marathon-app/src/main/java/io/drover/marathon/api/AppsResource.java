package io.drover.marathon.api;

import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.app.MarathonJson;
import io.drover.marathon.app.PathId;
import io.drover.marathon.deployment.DeploymentPlan;
import io.drover.marathon.events.EventBus;
import io.drover.marathon.events.Events;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /v2/apps}: Marathon's app endpoints. */
@Path("/v2/apps")
@Produces(MediaType.APPLICATION_JSON)
public final class AppsResource {
  private final AppService apps;
  private final JsonBodies bodies;
  private final EventBus events;
  private final Clock clock;
  private final TaskKills kills;

  public AppsResource(AppService apps, JsonBodies bodies, EventBus events, Clock clock, TaskKills kills) {
    this.apps = apps;
    this.kills = kills;
    this.bodies = bodies;
    this.events = events;
    this.clock = clock;
  }

  @GET
  public Response list(
      @QueryParam("id") String id,
      @QueryParam("cmd") String cmd,
      @QueryParam("label") String label,
      @QueryParam("embed") List<String> embed) {
    return JsonResponses.ok(Map.of("apps", apps.list(new AppService.AppFilter(id, cmd, label), AppEmbed.parse(embed))));
  }

  @POST
  public Response create(InputStream body, @QueryParam("force") @DefaultValue("false") boolean force, @Context HttpServletRequest request) {
    AppService.Created created = apps.create(bodies.tree(body), force);
    announce(created.app().app(), request);
    return JsonResponses.created(URI.create("/v2/apps" + created.app().app().id()), created.app());
  }

  @PUT
  public Response replaceMany(InputStream body, @QueryParam("force") @DefaultValue("false") boolean force) {
    return JsonResponses.ok(DeploymentResult.of(apps.updateMany(bodies.tree(body), false, force)));
  }

  @PATCH
  public Response patchMany(InputStream body, @QueryParam("force") @DefaultValue("false") boolean force) {
    return JsonResponses.ok(DeploymentResult.of(apps.updateMany(bodies.tree(body), true, force)));
  }

  @GET
  @Path("{id:.+}/versions/{version}")
  public Response version(@PathParam("id") String id, @PathParam("version") String version) {
    return JsonResponses.ok(apps.version(appId(id), version));
  }

  @GET
  @Path("{id:.+}/versions")
  public Response versions(@PathParam("id") String id) {
    List<String> versions = apps.versions(appId(id)).stream().map(MarathonJson::timestamp).toList();
    return JsonResponses.ok(Map.of("versions", versions));
  }

  @GET
  @Path("{id:.+}/tasks")
  public Response tasks(@PathParam("id") String id) {
    return JsonResponses.ok(Map.of("tasks", apps.tasks(appId(id))));
  }

  @DELETE
  @Path("{id:.+}/tasks")
  public Response killTasks(
      @PathParam("id") String id,
      @QueryParam("host") String host,
      @BeanParam KillQuery query) {
    return kills.killAppTasks(appId(id), Optional.ofNullable(host).filter(h -> !h.isBlank()), query.options()).answer(killed -> Map.of("tasks", killed));
  }

  @DELETE
  @Path("{id:.+}/tasks/{taskId}")
  public Response killTask(
      @PathParam("id") String id,
      @PathParam("taskId") String taskId,
      @BeanParam KillQuery query) {
    return kills.killAppTask(appId(id), taskId, query.options()).answer(killed -> Map.of("task", killed.get(0)));
  }

  @POST
  @Path("{id:.+}/restart")
  public Response restart(@PathParam("id") String id, @QueryParam("force") @DefaultValue("false") boolean force) {
    return JsonResponses.ok(DeploymentResult.of(apps.restart(appId(id), force)));
  }

  @GET
  @Path("{id:.+}")
  public Response get(@PathParam("id") String id) {
    return JsonResponses.ok(Map.of("app", apps.get(appId(id))));
  }

  @PUT
  @Path("{id:.+}")
  public Response replace(
      @PathParam("id") String id, InputStream body, @QueryParam("force") @DefaultValue("false") boolean force,
      @Context HttpServletRequest request) {
    PathId appId = appId(id);
    AppService.Updated updated = apps.update(appId, bodies.tree(body), false, force);
    announce(appId, request);
    DeploymentResult result = DeploymentResult.of(updated.plan());
    return updated.created() ? JsonResponses.created(URI.create("/v2/apps" + appId), result) : JsonResponses.ok(result);
  }

  @PATCH
  @Path("{id:.+}")
  public Response patch(
      @PathParam("id") String id, InputStream body, @QueryParam("force") @DefaultValue("false") boolean force,
      @Context HttpServletRequest request) {
    PathId appId = appId(id);
    AppService.Updated updated = apps.update(appId, bodies.tree(body), true, force);
    announce(appId, request);
    return JsonResponses.ok(DeploymentResult.of(updated.plan()));
  }

  @DELETE
  @Path("{id:.+}")
  public Response delete(@PathParam("id") String id, @QueryParam("force") @DefaultValue("false") boolean force) {
    DeploymentPlan plan = apps.delete(appId(id), force);
    return JsonResponses.ok(DeploymentResult.of(plan));
  }

  private void announce(PathId appId, HttpServletRequest request) {
    apps.current(appId).ifPresent(app -> announce(app, request));
  }

  private void announce(AppDefinition app, HttpServletRequest request) {
    events.publish(new Events.ApiPostEvent(clock.instant(), request.getRemoteAddr(), request.getRequestURI(), app));
  }

  static PathId appId(String raw) {
    return PathId.parse(raw).canonical(PathId.ROOT);
  }
}
