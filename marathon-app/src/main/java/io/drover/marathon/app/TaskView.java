package io.drover.marathon.app;

import java.time.Instant;
import java.util.List;

/**
 * A task as Marathon shows it under {@code tasks} and in {@code /v2/tasks}: {@code state} is the
 * Mesos-style task state name (e.g. {@code TASK_RUNNING}), {@code slaveId} the agent id, {@code version}
 * the app version the task runs, {@code ports} its host ports in the order of the app's ports.
 */
public record TaskView(
    String id,
    PathId appId,
    String host,
    String slaveId,
    List<Integer> ports,
    List<Integer> servicePorts,
    List<IpAddress> ipAddresses,
    Instant stagedAt,
    Instant startedAt,
    String state,
    Instant version,
    List<HealthCheckResult> healthCheckResults) {
  public TaskView {
    ports = ports == null ? List.of() : List.copyOf(ports);
    servicePorts = servicePorts == null ? List.of() : List.copyOf(servicePorts);
    ipAddresses = ipAddresses == null ? List.of() : List.copyOf(ipAddresses);
    healthCheckResults = healthCheckResults == null ? List.of() : List.copyOf(healthCheckResults);
  }

  public TaskView withServicePorts(List<Integer> ports) {
    return new TaskView(id, appId, host, slaveId, this.ports, ports, ipAddresses, stagedAt, startedAt, state, version, healthCheckResults);
  }
}
