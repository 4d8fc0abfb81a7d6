package io.drover.master.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** {@code GET /health}: 200 while the process runs, saying whether it leads. */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {
  private final OperatorView master;

  public HealthResource(OperatorView master) {
    this.master = master;
  }

  @GET
  public Map<String, Object> health() {
    return Map.of("status", "up", "id", master.self().id(), "role", master.isLeading() ? "leading" : "standby");
  }
}
