package io.drover.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The one Jackson configuration of the CLI and the few ways it reads the API's JSON. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  static JsonNode parse(String text) throws JsonProcessingException {
    return MAPPER.readTree(text);
  }

  /** Pretty-printed, as {@code --json} shows the API's answers. */
  static String pretty(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed JSON tree is always writable", e);
    }
  }

  /** On one line, as request bodies are sent. */
  static String compact(JsonNode node) {
    try {
      return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree is always writable", e);
    }
  }

  /** The field's text, or {@code absent} when it is missing or null. */
  static String text(JsonNode node, String field, String absent) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? absent : value.asText();
  }

  static List<JsonNode> elements(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    return list;
  }

  /** An API timestamp such as {@code 2024-05-01T10:00:00.000Z}, if it is one. */
  static Optional<Instant> instant(JsonNode node) {
    if (node == null || !node.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(node.asText()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
