package io.drover.marathon.app;

/**
 * How a health check probes an instance. The {@code MESOS_*} variants run next to the task on the
 * agent in Marathon; Drover's agent runs every kind next to the task, so they behave like the plain ones.
 */
public enum HealthCheckProtocol {
  HTTP,
  HTTPS,
  TCP,
  COMMAND,
  MESOS_HTTP,
  MESOS_HTTPS,
  MESOS_TCP;

  /**
   * True for the checks Mesos runs next to the task (COMMAND and the {@code MESOS_*} kinds), of which
   * an app may have one; Marathon ran the others itself.
   */
  public boolean runsOnAgent() {
    return this == COMMAND || name().startsWith("MESOS_");
  }

  /** True if the check probes a port (so it needs {@code portIndex} or {@code port}). */
  public boolean probesPort() {
    return this != COMMAND;
  }
}
