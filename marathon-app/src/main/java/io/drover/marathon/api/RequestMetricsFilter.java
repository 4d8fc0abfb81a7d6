package io.drover.marathon.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/** Counts every answered request by method and status. */
final class RequestMetricsFilter implements ContainerResponseFilter {
  private final ApiMetrics metrics;

  RequestMetricsFilter(ApiMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    metrics.requestAnswered(request.getMethod(), response.getStatus());
  }
}
