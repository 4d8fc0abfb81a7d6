package io.drover.dist;

import io.drover.core.InvalidValueException;
import io.drover.marathon.MarathonApp;
import io.drover.marathon.MarathonConfig;
import io.drover.marathon.deployment.ServicePortRange;
import io.drover.protocol.net.ZkUrl;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code drover marathon}: marathon-app, the framework for long-running services; several may run, one leads. */
@Command(
    name = "marathon",
    mixinStandardHelpOptions = true,
    description = "Runs marathon-app (Marathon's REST API v2 for long-running services). Several may run; one leads, the others forward to it.")
final class MarathonCommand implements Callable<Integer> {
  @Option(names = "--zk", required = true, converter = ZkUrlConverter.class, description = "ZooKeeper URL of the cluster, e.g. zk://host1:2181,host2:2181/drover")
  ZkUrl zk;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind and to publish to the other marathon-app processes (default: ${DEFAULT-VALUE})")
  String host;

  @Option(names = "--port", defaultValue = "8080", description = "REST API port (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--framework-name", defaultValue = "marathon", description = "Framework name (default: ${DEFAULT-VALUE})")
  String frameworkName;

  @Option(names = "--framework-role", defaultValue = "*", description = "Framework role (default: ${DEFAULT-VALUE})")
  String frameworkRole;

  @Option(names = "--failover-timeout", defaultValue = "168h", converter = DurationConverter.class, description = "How long the master keeps the framework's tasks while no marathon-app leads (default: ${DEFAULT-VALUE})")
  Duration failoverTimeout;

  @Option(names = "--local-port-min", defaultValue = "10000", description = "Lowest service port given to apps that leave it at 0 (default: ${DEFAULT-VALUE})")
  int localPortMin;

  @Option(names = "--local-port-max", defaultValue = "20000", description = "Service ports are given below this one (default: ${DEFAULT-VALUE})")
  int localPortMax;

  @Override
  public Integer call() throws Exception {
    ServicePortRange servicePorts;
    try {
      servicePorts = new ServicePortRange(localPortMin, localPortMax);
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException("--local-port-min/--local-port-max: " + e.getMessage());
    }
    ProcessLifetime lifetime = new ProcessLifetime();
    lifetime.started(
        start(MarathonConfig.defaults(zk, host).withHttpPort(port).withFramework(frameworkName, frameworkRole, failoverTimeout).withServicePorts(servicePorts)));
    return lifetime.awaitStop();
  }

  static MarathonApp start(MarathonConfig config) throws Exception {
    MarathonApp app = new MarathonApp(config);
    try {
      app.start();
    } catch (Exception e) {
      app.close();
      throw e;
    }
    return app;
  }
}
