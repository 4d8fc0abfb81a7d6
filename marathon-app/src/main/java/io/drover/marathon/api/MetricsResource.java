package io.drover.marathon.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** {@code /metrics}: Prometheus text exposition. */
@Path("/metrics")
public final class MetricsResource {
  private final ApiMetrics metrics;

  public MetricsResource(ApiMetrics metrics) {
    this.metrics = metrics;
  }

  @GET
  public Response metrics() {
    StreamingOutput body = metrics::write;
    return Response.ok(body, metrics.contentType()).build();
  }
}
