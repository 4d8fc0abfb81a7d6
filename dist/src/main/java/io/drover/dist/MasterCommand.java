package io.drover.dist;

import io.drover.master.Master;
import io.drover.master.MasterConfig;
import io.drover.protocol.net.ZkUrl;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code drover master}: a master; several may run, one leads. */
@Command(name = "master", mixinStandardHelpOptions = true, description = "Runs a master. Several may run; ZooKeeper elects one leader.")
final class MasterCommand implements Callable<Integer> {
  @Option(names = "--zk", required = true, converter = ZkUrlConverter.class, description = "ZooKeeper URL, e.g. zk://host1:2181,host2:2181/drover")
  ZkUrl zk;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind and to publish to agents and frameworks (default: ${DEFAULT-VALUE})")
  String host;

  @Option(names = "--port", defaultValue = "5050", description = "Operator HTTP API port (default: ${DEFAULT-VALUE})")
  int httpPort;

  @Option(names = "--protocol-port", defaultValue = "5055", description = "Port agents and frameworks connect to (default: ${DEFAULT-VALUE})")
  int protocolPort;

  @Option(names = "--allocation-interval", defaultValue = "1s", converter = DurationConverter.class, description = "How often offers are made even without events (default: ${DEFAULT-VALUE})")
  Duration allocationInterval;

  @Option(names = "--agent-reregistration-timeout", defaultValue = "60s", converter = DurationConverter.class, description = "How long a new leader waits for known agents to come back (default: ${DEFAULT-VALUE})")
  Duration agentReregistrationTimeout;

  @Option(names = "--agent-ping-timeout", defaultValue = "75s", converter = DurationConverter.class, description = "How long a disconnected agent may stay away before it is unreachable (default: ${DEFAULT-VALUE})")
  Duration agentPingTimeout;

  @Override
  public Integer call() throws Exception {
    ProcessLifetime lifetime = new ProcessLifetime();
    lifetime.started(start(config()));
    return lifetime.awaitStop();
  }

  MasterConfig config() {
    return MasterConfig.defaults(zk, host)
        .withPorts(httpPort, protocolPort)
        .withAllocationInterval(allocationInterval)
        .withAgentTimeouts(agentPingTimeout, agentReregistrationTimeout);
  }

  static Master start(MasterConfig config) throws Exception {
    Master master = new Master(config);
    master.start();
    return master;
  }
}
