package io.drover.agent.http;

import io.drover.agent.AgentState;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.function.Supplier;

/** {@code GET /health}: 200 while the agent runs; says whether it is registered with a master. */
@Path("/health")
public final class HealthResource {
  private final Supplier<AgentState> state;

  public HealthResource(Supplier<AgentState> state) {
    this.state = state;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> get() {
    return Map.of("healthy", true, "registered", state.get().registered());
  }
}
