package io.drover.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * An app definition read from a file for {@code app deploy -f}. A file that is missing, unreadable, not
 * JSON, not an object or without {@code id} is a usage error (exit 2): nothing was sent.
 */
final class AppFile {
  private AppFile() {}

  static JsonNode read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw CliFailure.usage(file + ": no such file");
    } catch (IOException e) {
      throw CliFailure.usage(file + ": cannot be read (" + e.getMessage() + ")");
    }
    JsonNode app;
    try {
      app = Json.parse(text);
    } catch (JsonProcessingException e) {
      throw CliFailure.usage(
          file + ": not valid JSON at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
    }
    if (app == null || !app.isObject()) {
      throw CliFailure.usage(file + ": an app definition is a JSON object");
    }
    if (!app.path("id").isTextual() || app.path("id").asText().isBlank()) {
      throw CliFailure.usage(file + ": the app definition has no \"id\"");
    }
    return app;
  }
}
