package io.drover.dist;

import io.drover.agent.Agent;
import io.drover.agent.AgentConfig;
import io.drover.core.InvalidValueException;
import io.drover.core.Resources;
import io.drover.marathon.MarathonConfig;
import io.drover.master.MasterConfig;
import io.drover.protocol.net.ZkUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code drover local}: a whole cluster in one process on localhost, with marathon-app, to try Drover out. Each agent
 * gets its own work dir, host name and ports ({@link LocalAgents}) so that per-host placement behaves as it
 * would across machines.
 */
@Command(
    name = "local",
    mixinStandardHelpOptions = true,
    description = "Runs ZooKeeper, a master, agents and marathon-app in this process on localhost. Ctrl-C stops it and its tasks.")
final class LocalCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(LocalCommand.class);
  private static final Duration TASK_STOP_TIMEOUT = Duration.ofSeconds(30);

  @Option(names = "--agents", defaultValue = "3", description = "How many agents (default: ${DEFAULT-VALUE})")
  int agents;

  @Option(names = "--work-dir", defaultValue = ".drover/local", description = "Where ZooKeeper data, sandboxes and checkpoints live (default: ${DEFAULT-VALUE})")
  Path workDir;

  @Option(names = "--zk-port", defaultValue = "2181", description = "Embedded ZooKeeper port (default: ${DEFAULT-VALUE})")
  int zkPort;

  @Option(names = "--master-port", defaultValue = "5050", description = "Master HTTP port (default: ${DEFAULT-VALUE})")
  int masterPort;

  @Option(names = "--protocol-port", defaultValue = "5055", description = "Master protocol port (default: ${DEFAULT-VALUE})")
  int protocolPort;

  @Option(
      names = "--agent-port",
      defaultValue = "5051",
      description = "HTTP port of the first agent; the others follow; 0: each agent takes any free port (default: ${DEFAULT-VALUE})")
  int firstAgentPort;

  @Option(names = "--marathon-port", defaultValue = "8080", description = "marathon-app REST API port (default: ${DEFAULT-VALUE})")
  int marathonPort;

  @Option(names = "--agent-resources", description = "Resources of each agent instead of the detected ones, e.g. 'cpus:2;mem:2048;ports:[31000-32000]'; the ports are shared out among the agents")
  String agentResources;

  @Mixin DockerFlags docker = new DockerFlags();

  @Override
  public Integer call() throws Exception {
    if (agents < 1 || agents > 64) {
      throw new InvalidValueException("--agents must be between 1 and 64");
    }
    Resources given = agentResources == null ? Resources.EMPTY : AgentConfig.parseResources(agentResources);
    List<Resources> agentResourcesEach = new ArrayList<>();
    for (int i = 1; i <= agents; i++) {
      agentResourcesEach.add(LocalAgents.resources(given, i, agents));
    }
    ProcessLifetime lifetime = new ProcessLifetime();
    Path root = workDir.toAbsolutePath().normalize();
    Files.createDirectories(root);
    EmbeddedZooKeeper zookeeper = lifetime.started(EmbeddedZooKeeper.start("127.0.0.1", zkPort, root.resolve("zookeeper")));
    ZkUrl zk = ZkUrl.parse("zk://" + zookeeper.connectString() + "/drover");
    lifetime.started(MasterCommand.start(MasterConfig.defaults(zk, "127.0.0.1").withPorts(masterPort, protocolPort)));
    for (int i = 1; i <= agents; i++) {
      AgentConfig config =
          AgentConfig.defaults(root.resolve("agent-" + i), zk)
              .withHostname(LocalAgents.hostname(i))
              .withHttp("127.0.0.1", firstAgentPort == 0 ? 0 : firstAgentPort + i - 1)
              .withResources(agentResourcesEach.get(i - 1));
      Agent agent = AgentCommand.start(docker.applyTo(config));
      // A local cluster is put away whole: its tasks must not outlive it.
      lifetime.started(() -> agent.stopWithTasks(TASK_STOP_TIMEOUT));
    }
    lifetime.started(MarathonCommand.start(MarathonConfig.defaults(zk, "127.0.0.1").withHttpPort(marathonPort)));
    LOG.info(
        "Drover is running: ZooKeeper {}, master http://127.0.0.1:{}/state, {} agents from http://127.0.0.1:{}/state, marathon-app http://127.0.0.1:{}/v2/apps. Ctrl-C stops it.",
        zk,
        masterPort,
        agents,
        firstAgentPort,
        marathonPort);
    return lifetime.awaitStop();
  }
}
