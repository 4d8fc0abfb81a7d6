package io.drover.agent.containerizer.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Readable messages from docker-java's exceptions, which wrap the engine's JSON error body. */
final class DockerErrors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DockerErrors() {}

  /**
   * The engine's own message ({@code {"message": ...}}) when there is one; for a failure to reach the
   * engine at all, the I/O error's own words; else the exception's message.
   */
  static String message(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof IOException && root.getMessage() != null) {
      return root.getMessage();
    }
    Throwable t = e;
    while (t.getMessage() == null && t.getCause() != null) {
      t = t.getCause();
    }
    String text = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
    int brace = text.indexOf('{');
    if (brace >= 0) {
      try {
        JsonNode body = JSON.readTree(text.substring(brace));
        if (body.hasNonNull("message")) {
          return body.get("message").asText();
        }
      } catch (IOException ignored) {
        // Not JSON after all: keep the text as it is.
      }
    }
    return text;
  }
}
