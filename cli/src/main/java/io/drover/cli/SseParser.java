package io.drover.cli;

import java.util.Optional;

/**
 * Reads a {@code text/event-stream} line by line: {@code event:} and {@code data:} fields build an event
 * that a blank line completes; comments ({@code :}) and other fields are skipped. Not thread-safe.
 */
final class SseParser {
  private String type;
  private StringBuilder data;

  /** The event this line completes, if it is the blank line that ends one. */
  Optional<ServerSentEvent> accept(String line) {
    if (line.isEmpty()) {
      if (data == null) {
        type = null;
        return Optional.empty();
      }
      ServerSentEvent event = new ServerSentEvent(type == null ? "message" : type, data.toString());
      type = null;
      data = null;
      return Optional.of(event);
    }
    if (line.startsWith(":")) {
      return Optional.empty();
    }
    int colon = line.indexOf(':');
    String field = colon < 0 ? line : line.substring(0, colon);
    String value = colon < 0 ? "" : line.substring(colon + 1);
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    if (field.equals("event")) {
      type = value;
    } else if (field.equals("data")) {
      data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
    }
    return Optional.empty();
  }
}
