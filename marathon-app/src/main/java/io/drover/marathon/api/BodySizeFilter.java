package io.drover.marathon.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Map;

/**
 * Refuses a body whose declared length exceeds the limit with 413 before reading it; bodies without a
 * length (chunked) are cut off by {@link JsonBodies} when they pass it.
 */
@PreMatching
@Priority(Priorities.ENTITY_CODER)
final class BodySizeFilter implements ContainerRequestFilter {
  private final long maxBytes;

  BodySizeFilter(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > maxBytes) {
          request.abortWith(
              JsonResponses.json(413, Map.of("message", "Request body too large: the limit is " + maxBytes + " bytes")));
        }
      } catch (NumberFormatException e) {
        request.abortWith(JsonResponses.json(400, Map.of("message", "Content-Length is not a number: " + length)));
      }
    }
  }
}
