package io.drover.marathon.api;

import io.drover.marathon.app.PathId;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code /v2/groups}: Marathon's group endpoints (the root group is {@code /v2/groups} itself). */
@Path("/v2/groups")
@Produces(MediaType.APPLICATION_JSON)
public final class GroupsResource {
  // Marathon's own path matchers: a group id may hold slashes, so the sub-resources are told apart by suffix.
  private static final Pattern APPS = Pattern.compile("^(?:(.+)/)?apps$");
  private static final Pattern VERSIONS = Pattern.compile("^(?:(.+)/)?versions$");
  private static final Pattern VERSION = Pattern.compile("^(?:(.+)/)?versions/([^/]+)$");

  private final GroupService groups;
  private final JsonBodies bodies;

  public GroupsResource(GroupService groups, JsonBodies bodies) {
    this.groups = groups;
    this.bodies = bodies;
  }

  @GET
  public Response root(@QueryParam("embed") List<String> embed) {
    return JsonResponses.ok(groups.get(PathId.ROOT, GroupEmbed.parse(embed)));
  }

  /** A group, or {@code <id>/apps}, {@code <id>/versions}, {@code <id>/versions/<version>} (the id may be empty: the root). */
  @GET
  @Path("{id:.+}")
  public Response get(@PathParam("id") String id, @QueryParam("embed") List<String> embed) {
    Matcher version = VERSION.matcher(id);
    if (version.matches()) {
      return JsonResponses.ok(groups.version(groupId(version.group(1)), version.group(2), GroupEmbed.parse(embed)));
    }
    Matcher versions = VERSIONS.matcher(id);
    if (versions.matches()) {
      return JsonResponses.ok(groups.versions(groupId(versions.group(1))));
    }
    Matcher apps = APPS.matcher(id);
    if (apps.matches()) {
      return JsonResponses.ok(groups.appsWithin(groupId(apps.group(1)), AppEmbed.parse(embed)));
    }
    return JsonResponses.ok(groups.get(groupId(id), GroupEmbed.parse(embed)));
  }

  @POST
  public Response createInRoot(InputStream body, @QueryParam("force") @DefaultValue("false") boolean force) {
    return created(groups.create(PathId.ROOT, bodies.tree(body), force));
  }

  @POST
  @Path("{id:.+}")
  public Response create(@PathParam("id") String id, InputStream body, @QueryParam("force") @DefaultValue("false") boolean force) {
    return created(groups.create(groupId(id), bodies.tree(body), force));
  }

  private static Response created(GroupService.Changed changed) {
    return JsonResponses.created(URI.create("/v2/groups" + changed.id()), DeploymentResult.of(changed.plan()));
  }

  @PUT
  public Response updateRoot(InputStream body, @QueryParam("force") @DefaultValue("false") boolean force) {
    return JsonResponses.ok(DeploymentResult.of(groups.update(PathId.ROOT, bodies.tree(body), force).plan()));
  }

  @PUT
  @Path("{id:.+}")
  public Response update(@PathParam("id") String id, InputStream body, @QueryParam("force") @DefaultValue("false") boolean force) {
    return JsonResponses.ok(DeploymentResult.of(groups.update(groupId(id), bodies.tree(body), force).plan()));
  }

  @DELETE
  public Response deleteRoot(@QueryParam("force") @DefaultValue("false") boolean force) {
    return JsonResponses.ok(DeploymentResult.of(groups.delete(PathId.ROOT, force).plan()));
  }

  @DELETE
  @Path("{id:.+}")
  public Response delete(@PathParam("id") String id, @QueryParam("force") @DefaultValue("false") boolean force) {
    return JsonResponses.ok(DeploymentResult.of(groups.delete(groupId(id), force).plan()));
  }

  private static PathId groupId(String raw) {
    return raw == null ? PathId.ROOT : PathId.parse(raw).canonical(PathId.ROOT);
  }
}
