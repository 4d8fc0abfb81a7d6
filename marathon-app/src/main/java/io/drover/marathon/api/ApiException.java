package io.drover.marathon.api;

import io.drover.marathon.app.PathId;
import java.util.List;
import java.util.Map;

/**
 * A request the API refuses, with the status and body Marathon answers: {@code {"message": ...}} and,
 * for unreadable JSON, {@code details} of {@code {path, errors}}.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient Object body;

  private ApiException(int status, String message, Object body) {
    super(message);
    this.status = status;
    this.body = body;
  }

  public int status() {
    return status;
  }

  public Object body() {
    return body;
  }

  /** One entry of {@code details}: a JSON path in Marathon's notation and what is wrong there. */
  public record ErrorDetail(String path, List<String> errors) {}

  static ApiException withMessage(int status, String message) {
    return new ApiException(status, message, Map.of("message", message));
  }

  static ApiException invalidJson(String path, String error) {
    return new ApiException(
        400, "Invalid JSON", new InvalidBody("Invalid JSON", List.of(new ErrorDetail(path, List.of(error)))));
  }

  static ApiException unknownApp(PathId id) {
    return withMessage(404, "App '" + id + "' does not exist");
  }

  static ApiException unknownGroup(PathId id) {
    return withMessage(404, "Group '" + id + "' does not exist");
  }

  static ApiException bodyTooLarge(long limit) {
    return withMessage(413, "Request body too large: the limit is " + limit + " bytes");
  }

  /** The body of a 400 or 422: a message and where the problems are. */
  public record InvalidBody(String message, List<ErrorDetail> details) {}
}
