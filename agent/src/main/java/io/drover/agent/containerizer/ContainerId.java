package io.drover.agent.containerizer;

import java.util.UUID;
import java.util.regex.Pattern;

/** Identifies one run of a task; it names the run's sandbox and checkpoint directories. */
public record ContainerId(String value) {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  public ContainerId {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new IllegalArgumentException("container id '" + value + "' is invalid: use letters, digits, '.', '_' or '-'");
    }
  }

  public static ContainerId random() {
    return new ContainerId(UUID.randomUUID().toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
