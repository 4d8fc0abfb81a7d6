package io.drover.marathon.api;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** {@code /v2/leader}: who leads ({@code {"leader":"host:port"}}); DELETE makes the leader step down. */
@Path("/v2/leader")
@Produces(MediaType.APPLICATION_JSON)
public final class LeaderResource {
  private final LeaderControl leadership;

  public LeaderResource(LeaderControl leadership) {
    this.leadership = leadership;
  }

  @GET
  public Response leader() {
    return leadership.leader()
        .map(leader -> JsonResponses.ok(Map.of("leader", leader.address())))
        .orElseGet(() -> JsonResponses.json(404, Map.of("message", "There is no leader")));
  }

  @DELETE
  public Response abdicate() {
    if (!leadership.isLeader()) {
      return JsonResponses.json(404, Map.of("message", "There is no leader"));
    }
    leadership.abdicate("asked to through DELETE /v2/leader");
    return JsonResponses.ok(Map.of("message", "Leadership abdicated"));
  }
}
