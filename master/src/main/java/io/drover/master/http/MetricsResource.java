package io.drover.master.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** {@code GET /metrics}: Prometheus text format. */
@Path("/metrics")
public final class MetricsResource {
  private final OperatorView master;

  public MetricsResource(OperatorView master) {
    this.master = master;
  }

  @GET
  public Response metrics() {
    StreamingOutput body = out -> master.metrics().write(out);
    return Response.ok(body).type(master.metrics().contentType()).build();
  }
}
