package io.drover.marathon;

import io.drover.core.FrameworkInfo;
import io.drover.marathon.api.MarathonHttpServer;
import io.drover.marathon.scheduling.SchedulerConfig;
import io.drover.protocol.net.ZkUrl;
import java.time.Duration;
import java.util.Objects;

/**
 * How a marathon-app process runs: the cluster's ZooKeeper URL (masters and marathon-app's own state
 * live under its root), the address it binds and publishes to other marathon-app processes, the
 * framework it registers as, and its timeouts.
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
    SchedulerConfig scheduler) {
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
        SchedulerConfig.DEFAULTS);
  }

  public MarathonConfig withHttpPort(int port) {
    return new MarathonConfig(zk, host, port, frameworkName, frameworkRole, failoverTimeout, zkSessionTimeout, suspendedGrace, writeTimeout, tickInterval, maxBodyBytes, scheduler);
  }

  public MarathonConfig withFramework(String name, String role, Duration failover) {
    return new MarathonConfig(zk, host, httpPort, name, role, failover, zkSessionTimeout, suspendedGrace, writeTimeout, tickInterval, maxBodyBytes, scheduler);
  }

  public MarathonConfig withScheduler(SchedulerConfig config) {
    return new MarathonConfig(zk, host, httpPort, frameworkName, frameworkRole, failoverTimeout, zkSessionTimeout, suspendedGrace, writeTimeout, tickInterval, maxBodyBytes, config);
  }

  FrameworkInfo framework() {
    return FrameworkInfo.named(frameworkName, frameworkRole).withFailoverTimeout(failoverTimeout);
  }
}
