package io.drover.marathon.app;

/**
 * One health check with Marathon's defaults: protocol HTTP, path {@code /} (HTTP kinds),
 * {@code portIndex} 0 unless {@code port} is given, grace 300 s, interval 60 s, timeout 20 s,
 * 3 consecutive failures, delay 15 s. {@code portIndex} indexes the app's ports: its
 * {@code container.portMappings} if it has any, otherwise its {@code portDefinitions}.
 */
public record HealthCheck(
    HealthCheckProtocol protocol,
    String path,
    Integer portIndex,
    Integer port,
    HealthCommand command,
    Integer gracePeriodSeconds,
    Integer intervalSeconds,
    Integer timeoutSeconds,
    Integer maxConsecutiveFailures,
    Integer delaySeconds,
    Boolean ignoreHttp1xx) {
  public HealthCheck {
    protocol = protocol == null ? HealthCheckProtocol.HTTP : protocol;
    boolean http =
        protocol == HealthCheckProtocol.HTTP
            || protocol == HealthCheckProtocol.HTTPS
            || protocol == HealthCheckProtocol.MESOS_HTTP
            || protocol == HealthCheckProtocol.MESOS_HTTPS;
    path = path == null && http ? "/" : path;
    portIndex = portIndex == null && port == null && protocol.probesPort() ? Integer.valueOf(0) : portIndex;
    gracePeriodSeconds = gracePeriodSeconds == null ? 300 : gracePeriodSeconds;
    intervalSeconds = intervalSeconds == null ? 60 : intervalSeconds;
    timeoutSeconds = timeoutSeconds == null ? 20 : timeoutSeconds;
    maxConsecutiveFailures = maxConsecutiveFailures == null ? 3 : maxConsecutiveFailures;
    delaySeconds = delaySeconds == null ? 15 : delaySeconds;
    ignoreHttp1xx = ignoreHttp1xx != null && ignoreHttp1xx;
  }

  public static HealthCheck http(String path, int portIndex) {
    return new HealthCheck(HealthCheckProtocol.HTTP, path, portIndex, null, null, null, null, null, null, null, null);
  }

  public static HealthCheck tcp(int portIndex) {
    return new HealthCheck(HealthCheckProtocol.TCP, null, portIndex, null, null, null, null, null, null, null, null);
  }

  public static HealthCheck command(String command) {
    return new HealthCheck(
        HealthCheckProtocol.COMMAND, null, null, null, new HealthCommand(command), null, null, null, null, null, null);
  }
}
