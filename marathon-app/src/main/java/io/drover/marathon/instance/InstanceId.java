package io.drover.marathon.instance;

import io.drover.core.InvalidValueException;
import io.drover.core.TaskId;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Identifies an instance, in Marathon's task id form: the app id without its leading slash and with
 * {@code _} for each further slash, a dot, and a UUID ({@code prod_web.5ea2e27c-...} for {@code
 * /prod/web}). App ids cannot hold {@code _}, so the app id can be read back. An instance runs as one
 * task with the same id.
 */
public record InstanceId(String value) implements Comparable<InstanceId> {
  private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9._-]*\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  public InstanceId {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new InvalidValueException("'" + value + "' is not an instance id of the form <app id with _ for />.<uuid>");
    }
  }

  public static InstanceId forApp(String appId, UUID uuid) {
    Objects.requireNonNull(appId, "appId");
    if (!appId.startsWith("/") || appId.length() < 2 || appId.contains("_")) {
      throw new InvalidValueException("'" + appId + "' is not an absolute app id");
    }
    return new InstanceId(appId.substring(1).replace('/', '_') + "." + uuid);
  }

  /** The instance a task id names, if it has the form of one. */
  public static Optional<InstanceId> of(TaskId taskId) {
    return FORM.matcher(taskId.value()).matches() ? Optional.of(new InstanceId(taskId.value())) : Optional.empty();
  }

  /** The id of the app the instance belongs to, e.g. {@code /prod/web}. */
  public String appId() {
    return "/" + value.substring(0, value.lastIndexOf('.')).replace('_', '/');
  }

  public TaskId taskId() {
    return TaskId.of(value);
  }

  @Override
  public int compareTo(InstanceId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
