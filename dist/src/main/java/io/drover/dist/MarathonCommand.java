package io.drover.dist;

import io.drover.marathon.MarathonApp;
import io.drover.marathon.MarathonConfig;
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

  @Override
  public Integer call() throws Exception {
    ProcessLifetime lifetime = new ProcessLifetime();
    lifetime.started(start(MarathonConfig.defaults(zk, host).withHttpPort(port).withFramework(frameworkName, frameworkRole, failoverTimeout)));
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
