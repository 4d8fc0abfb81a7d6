package io.drover.marathon.api;

import io.drover.marathon.deployment.DeploymentManager;
import io.drover.marathon.deployment.DeploymentPlan;
import io.drover.marathon.deployment.DeploymentView;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** {@code /v2/deployments}: the deployments under way; DELETE rolls one back, or with {@code force} only cancels it (202). */
@Path("/v2/deployments")
@Produces(MediaType.APPLICATION_JSON)
public final class DeploymentsResource {
  private final DeploymentManager manager;

  public DeploymentsResource(DeploymentManager manager) {
    this.manager = manager;
  }

  @GET
  public Response list() {
    return JsonResponses.ok(manager.deployments().stream().map(DeploymentView::of).toList());
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id, @QueryParam("force") @DefaultValue("false") boolean force) {
    Optional<DeploymentPlan> rollback = manager.rollback(id, force);
    return rollback.map(plan -> JsonResponses.ok(DeploymentResult.of(plan))).orElseGet(() -> Response.accepted().build());
  }
}
