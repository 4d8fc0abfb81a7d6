package io.drover.dist;

import io.drover.agent.Agent;
import io.drover.agent.AgentConfig;
import io.drover.protocol.net.ZkUrl;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code drover agent}: runs tasks on this machine for the leading master. */
@Command(name = "agent", mixinStandardHelpOptions = true, description = "Runs an agent: offers this machine's resources and runs tasks.")
final class AgentCommand implements Callable<Integer> {
  @Option(names = "--zk", required = true, converter = ZkUrlConverter.class, description = "ZooKeeper URL, e.g. zk://host1:2181/drover")
  ZkUrl zk;

  @Option(names = "--work-dir", required = true, description = "Where sandboxes and checkpoints live")
  Path workDir;

  @Option(names = "--port", defaultValue = "5051", description = "HTTP API port (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--bind", defaultValue = "0.0.0.0", description = "Address the HTTP API listens on (default: ${DEFAULT-VALUE})")
  String bind;

  @Option(names = "--hostname", description = "Name to register with (default: this machine's host name)")
  String hostname;

  @Option(names = "--resources", description = "Resources instead of the detected ones, e.g. 'cpus:4;mem:4096;ports:[31000-32000]'")
  String resources;

  @Option(names = "--attributes", description = "Attributes, e.g. 'rack:r1;zone:a'")
  String attributes;

  @Option(names = "--gc-delay", defaultValue = "168h", converter = DurationConverter.class, description = "How long the sandbox of a completed task is kept before it is deleted (default: ${DEFAULT-VALUE})")
  Duration gcDelay;

  @Mixin DockerFlags docker = new DockerFlags();

  @Override
  public Integer call() throws Exception {
    ProcessLifetime lifetime = new ProcessLifetime();
    lifetime.started(start(config()));
    return lifetime.awaitStop();
  }

  AgentConfig config() {
    AgentConfig config = AgentConfig.defaults(workDir, zk).withHttp(bind, port).withGcDelay(gcDelay);
    if (hostname != null) {
      config = config.withHostname(hostname);
    }
    if (resources != null) {
      config = config.withResources(AgentConfig.parseResources(resources));
    }
    if (attributes != null) {
      config = config.withAttributes(AgentConfig.parseAttributes(attributes));
    }
    return docker.applyTo(config);
  }

  static Agent start(AgentConfig config) throws Exception {
    Agent agent = new Agent(config, Clock.systemUTC());
    agent.start();
    return agent;
  }
}
