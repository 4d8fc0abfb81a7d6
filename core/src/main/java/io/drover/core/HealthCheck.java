package io.drover.core;

import java.time.Duration;

/**
 * A check the agent runs next to a task; its verdicts go out in {@link TaskStatus#healthy()}. {@code
 * portIndex} picks one of the task's ports for HTTP and TCP checks; {@code command} is used by COMMAND.
 */
public record HealthCheck(
    Protocol protocol,
    String path,
    int portIndex,
    String command,
    Duration gracePeriod,
    Duration interval,
    Duration timeout,
    int maxConsecutiveFailures) {
  public enum Protocol {
    HTTP,
    TCP,
    COMMAND
  }

  public HealthCheck {
    path = path == null || path.isEmpty() ? "/" : path;
    command = command == null ? "" : command;
    if (protocol == HealthCheck.Protocol.COMMAND && command.isBlank()) {
      throw new InvalidValueException("a COMMAND health check needs a command");
    }
    if (portIndex < 0) {
      throw new InvalidValueException("health check portIndex must be >= 0");
    }
    if (maxConsecutiveFailures < 0) {
      throw new InvalidValueException("maxConsecutiveFailures must be >= 0");
    }
  }
}
