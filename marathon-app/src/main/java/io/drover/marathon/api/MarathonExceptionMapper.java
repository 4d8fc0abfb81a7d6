package io.drover.marathon.api;

import io.drover.marathon.app.DeploymentRef;
import io.drover.marathon.app.ValidationException;
import io.drover.marathon.app.Violation;
import io.drover.marathon.deployment.AppLockedException;
import io.drover.marathon.deployment.NotLeaderException;
import io.drover.marathon.deployment.UnknownDeploymentException;
import io.drover.marathon.storage.FencedOutException;
import io.drover.marathon.storage.NodeTooLargeException;
import io.drover.marathon.storage.StorageException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the refusals of the services into Marathon's answers: 400/404/409/413 from {@link ApiException},
 * 422 {@code {"message":"Object is not valid","details":[{path, errors}]}} from validation, 409 with the
 * locking deployments, 503 when this instance does not lead or ZooKeeper cannot be written.
 */
final class MarathonExceptionMapper implements ExceptionMapper<RuntimeException> {
  private static final Logger LOG = LoggerFactory.getLogger(MarathonExceptionMapper.class);

  record LockedBody(String message, List<DeploymentRef> deployments) {}

  @Override
  public Response toResponse(RuntimeException exception) {
    if (exception instanceof ApiException api) {
      return JsonResponses.json(api.status(), api.body());
    }
    if (exception instanceof ValidationException invalid) {
      return JsonResponses.json(422, new ApiException.InvalidBody("Object is not valid", details(invalid.violations())));
    }
    if (exception instanceof AppLockedException locked) {
      return JsonResponses.json(
          409, new LockedBody(locked.getMessage(), locked.deploymentIds().stream().map(DeploymentRef::new).toList()));
    }
    if (exception instanceof UnknownDeploymentException unknown) {
      return message(404, unknown.getMessage());
    }
    if (exception instanceof NodeTooLargeException tooLarge) {
      return message(422, "Object is too large to store: " + tooLarge.getMessage());
    }
    if (exception instanceof NotLeaderException || exception instanceof FencedOutException) {
      return message(503, "This marathon-app instance is not the leader; retry with the leader");
    }
    if (exception instanceof StorageException storage) {
      LOG.warn("State could not be stored: {}", storage.getMessage());
      return message(503, "State could not be stored: " + storage.getMessage());
    }
    if (exception instanceof jakarta.ws.rs.WebApplicationException web) {
      Response original = web.getResponse();
      return message(original.getStatus(), web.getMessage());
    }
    LOG.error("Unexpected error in the API", exception);
    return message(500, "Internal error: " + exception);
  }

  private static Response message(int status, String message) {
    return JsonResponses.json(status, Map.of("message", message));
  }

  /** Violations grouped by path, in the order the paths first appear. */
  static List<ApiException.ErrorDetail> details(List<Violation> violations) {
    Map<String, List<String>> byPath = new LinkedHashMap<>();
    for (Violation violation : violations) {
      byPath.computeIfAbsent(violation.path(), path -> new ArrayList<>()).add(violation.message());
    }
    List<ApiException.ErrorDetail> details = new ArrayList<>();
    byPath.forEach((path, errors) -> details.add(new ApiException.ErrorDetail(path, errors)));
    return details;
  }
}
