package io.drover.marathon;

import io.drover.core.FrameworkInfo;
import io.drover.marathon.api.MarathonHttpServer;
import io.drover.marathon.deployment.ServicePortRange;
import io.drover.marathon.scheduling.SchedulerConfig;
import io.drover.protocol.net.ZkUrl;
import java.time.Duration;
import java.util.Objects;

/**
 * How a marathon-app process runs: the cluster's ZooKeeper URL (masters and marathon-app's own state
 * live under its root), the address it binds and publishes to other marathon-app processes, the
 * framework it registers as, its timeouts, and the range service ports are assigned from.
 */
public record MarathonConfig(
    ZkUrl zk,
    String host,
    int httpPort,
    String frameworkName,
    String frameworkRole,
    Duration failoverTimeout,
    Duration zkSessionTimeout,
    Duration suspendedGrace,
    Duration writeTimeout,
    Duration tickInterval,
    long maxBodyBytes,
    SchedulerConfig scheduler,
    ServicePortRange servicePorts) {
  public static final int DEFAULT_HTTP_PORT = 8080;

  public MarathonConfig {
    Objects.requireNonNull(zk, "zk");
    Objects.requireNonNull(host, "host");
    if (httpPort < 0 || httpPort > 65_535) {
      throw new IllegalArgumentException("http port out of range: " + httpPort);
    }
    Objects.requireNonNull(frameworkName, "frameworkName");
    Objects.requireNonNull(frameworkRole, "frameworkRole");
    Objects.requireNonNull(failoverTimeout, "failoverTimeout");
    Objects.requireNonNull(zkSessionTimeout, "zkSessionTimeout");
    Objects.requireNonNull(suspendedGrace, "suspendedGrace");
    Objects.requireNonNull(writeTimeout, "writeTimeout");
    Objects.requireNonNull(tickInterval, "tickInterval");
    Objects.requireNonNull(scheduler, "scheduler");
    Objects.requireNonNull(servicePorts, "servicePorts");
  }

  /** Marathon's defaults: port 8080, framework "marathon" in role "*", a week of failover. */
  public static MarathonConfig defaults(ZkUrl zk, String host) {
    return new MarathonConfig(
        zk,
        host,
        DEFAULT_HTTP_PORT,
        "marathon",
        FrameworkInfo.DEFAULT_ROLE,
        FrameworkInfo.DEFAULT_FAILOVER_TIMEOUT,
        Duration.ofSeconds(15),
        Duration.ofSeconds(10),
        Duration.ofSeconds(10),
        Duration.ofSeconds(1),
        MarathonHttpServer.Settings.DEFAULT_MAX_BODY_BYTES,
        SchedulerConfig.DEFAULTS,
        ServicePortRange.DEFAULT);
  }

  public MarathonConfig withHttpPort(int port) {
    return new MarathonConfig(zk, host, port, frameworkName, frameworkRole, failoverTimeout, zkSessionTimeout, suspendedGrace, writeTimeout, tickInterval, maxBodyBytes, scheduler, servicePorts);
  }

  public MarathonConfig withFramework(String name, String role, Duration failover) {
    return new MarathonConfig(zk, host, httpPort, name, role, failover, zkSessionTimeout, suspendedGrace, writeTimeout, tickInterval, maxBodyBytes, scheduler, servicePorts);
  }

  public MarathonConfig withScheduler(SchedulerConfig config) {
    return new MarathonConfig(zk, host, httpPort, frameworkName, frameworkRole, failoverTimeout, zkSessionTimeout, suspendedGrace, writeTimeout, tickInterval, maxBodyBytes, config, servicePorts);
  }

  /** Where service ports left at 0 are taken from (Marathon's {@code --local_port_min/max}). */
  public MarathonConfig withServicePorts(ServicePortRange range) {
    return new MarathonConfig(zk, host, httpPort, frameworkName, frameworkRole, failoverTimeout, zkSessionTimeout, suspendedGrace, writeTimeout, tickInterval, maxBodyBytes, scheduler, range);
  }

  FrameworkInfo framework() {
    return FrameworkInfo.named(frameworkName, frameworkRole).withFailoverTimeout(failoverTimeout);
  }
}
