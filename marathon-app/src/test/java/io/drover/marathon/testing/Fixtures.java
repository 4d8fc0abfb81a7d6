package io.drover.marathon.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.marathon.app.MarathonJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/** Test fixtures under {@code src/test/resources/fixtures} and JSON comparisons for them. */
public final class Fixtures {
  private Fixtures() {}

  public static String text(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode tree(String name) {
    try {
      return MarathonJson.mapper().readTree(text(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Asserts that every field of {@code expected} is in {@code actual} with the same value (numbers
   * compared by value, so 64 equals 64.0); {@code actual} may hold more fields (defaults).
   */
  public static void assertContains(JsonNode expected, JsonNode actual, String path) {
    if (expected.isObject()) {
      assertThat(actual.isObject()).as("%s is an object in %s", path, actual).isTrue();
      Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        assertThat(actual.has(field.getKey())).as("%s/%s present", path, field.getKey()).isTrue();
        assertContains(field.getValue(), actual.get(field.getKey()), path + "/" + field.getKey());
      }
    } else if (expected.isArray()) {
      assertThat(actual.isArray()).as("%s is an array", path).isTrue();
      assertThat(actual.size()).as("%s size", path).isEqualTo(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        assertContains(expected.get(i), actual.get(i), path + "(" + i + ")");
      }
    } else if (expected.isNumber()) {
      assertThat(actual.isNumber()).as("%s is a number", path).isTrue();
      assertThat(actual.decimalValue()).as(path).isEqualByComparingTo(expected.decimalValue());
    } else {
      assertThat(actual).as(path).isEqualTo(expected);
    }
  }
}
