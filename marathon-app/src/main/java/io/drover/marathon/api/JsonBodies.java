package io.drover.marathon.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.drover.marathon.app.MarathonJson;
import io.drover.marathon.app.Network;
import io.drover.marathon.app.ValidationException;
import io.drover.marathon.app.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Request bodies read with a size limit (413 beyond it) and turned into values with Marathon's 400
 * answer for unreadable JSON: the path of the offending field and Play-style error codes such as
 * {@code error.expected.jsnumber}.
 */
public final class JsonBodies {
  private final long maxBytes;

  public JsonBodies(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** The body as a JSON tree; an empty body is an error. */
  public JsonNode tree(InputStream body) {
    byte[] bytes = read(body);
    try {
      JsonNode tree = MarathonJson.mapper().readTree(bytes);
      if (tree == null || tree.isMissingNode()) {
        throw ApiException.invalidJson("/", "error.expected.jsobject: the request has no body");
      }
      return tree;
    } catch (JsonProcessingException e) {
      throw ApiException.invalidJson("/", e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code tree} as a {@code type}, or Marathon's 400 naming the field that does not fit. */
  public static <T> T convert(JsonNode tree, Class<T> type) {
    try {
      return MarathonJson.mapper().treeToValue(tree, type);
    } catch (JsonMappingException e) {
      if (isNetworkMode(e)) {
        // readable JSON with a value Marathon refuses as invalid, not as unreadable
        throw new ValidationException(List.of(new Violation(path(e), "is not a network mode: expected host, container/bridge or container")));
      }
      throw ApiException.invalidJson(path(e), errorCode(e));
    } catch (JsonProcessingException e) {
      throw ApiException.invalidJson("/", e.getOriginalMessage());
    }
  }

  private byte[] read(InputStream body) {
    try {
      byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw ApiException.bodyTooLarge(maxBytes);
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code /container/portMappings(0)/hostPort}: Play's JsPath notation, which Marathon answers with. */
  static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        path.append('/').append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('(').append(reference.getIndex()).append(')');
      }
    }
    return path.length() == 0 ? "/" : path.toString();
  }

  private static boolean isNetworkMode(JsonMappingException e) {
    if (e instanceof MismatchedInputException mismatched) {
      return mismatched.getTargetType() == Network.NetworkMode.class;
    }
    return e instanceof ValueInstantiationException instantiation && instantiation.getType().getRawClass() == Network.NetworkMode.class;
  }

  static String errorCode(JsonMappingException e) {
    if (e instanceof ValueInstantiationException && e.getCause() != null) {
      return e.getCause().getMessage();
    }
    if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
      return "error.expected.validenumvalue";
    }
    if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
      Class<?> target = mismatched.getTargetType();
      if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
        return e.getMessage().contains("Floating-point") ? "error.expected.int" : "error.expected.jsnumber";
      }
      if (Number.class.isAssignableFrom(target) || target == double.class || target == float.class) {
        return "error.expected.jsnumber";
      }
      if (target == String.class) {
        return "error.expected.jsstring";
      }
      if (target == Boolean.class || target == boolean.class) {
        return "error.expected.jsboolean";
      }
      if (Collection.class.isAssignableFrom(target) || target.isArray()) {
        return "error.expected.jsarray";
      }
      if (target.isEnum()) {
        return "error.expected.validenumvalue";
      }
      if (Map.class.isAssignableFrom(target) || target.isRecord()) {
        return "error.expected.jsobject";
      }
    }
    return e.getOriginalMessage();
  }
}
