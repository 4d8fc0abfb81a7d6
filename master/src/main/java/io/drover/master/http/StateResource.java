package io.drover.master.http;

import io.drover.core.MasterInfo;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code GET /state}: the cluster as the leader sees it. A standby redirects to the leader. */
@Path("/state")
@Produces(MediaType.APPLICATION_JSON)
public final class StateResource {
  private final OperatorView master;

  public StateResource(OperatorView master) {
    this.master = master;
  }

  @GET
  public Response state() throws InterruptedException {
    if (!master.isLeading()) {
      Optional<MasterInfo> leader = master.leader().filter(l -> !l.id().equals(master.self().id()));
      return leader
          .map(l -> Response.temporaryRedirect(URI.create("http://" + l.host() + ":" + l.httpPort() + "/state")).build())
          .orElseGet(() -> unavailable("this master is not leading and no leading master is known"));
    }
    try {
      return Response.ok(master.state().get(10, TimeUnit.SECONDS)).build();
    } catch (ExecutionException e) {
      return unavailable("the state could not be read: " + e.getCause().getMessage());
    } catch (TimeoutException e) {
      return unavailable("the master did not answer within 10 s");
    }
  }

  private static Response unavailable(String message) {
    return Response.status(Response.Status.SERVICE_UNAVAILABLE).entity(Map.of("message", message)).build();
  }
}
