package io.drover.agent;

import io.drover.agent.containerizer.docker.DockerSettings;
import io.drover.core.Attributes;
import io.drover.core.InvalidValueException;
import io.drover.core.Resources;
import io.drover.protocol.net.Backoff;
import io.drover.protocol.net.ProtocolOptions;
import io.drover.protocol.net.ZkUrl;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How an agent runs.
 *
 * @param workDir sandboxes ({@code agents/}) and checkpoints ({@code meta/}) live here
 * @param zk where the leading master is published
 * @param hostname the name the agent registers with (and frameworks reach its tasks by)
 * @param httpBindHost the address the HTTP API listens on
 * @param httpPort the HTTP API's port (0: any free port)
 * @param resourceOverrides resources that replace the detected ones, name by name ({@code --resources})
 * @param attributes the agent's attributes ({@code --attributes})
 * @param registrationBackoff how RegisterAgent is repeated until the master answers
 * @param statusUpdateBackoff how an unacknowledged status update is repeated
 * @param processPollInterval how often re-adopted task processes are checked for exit
 * @param protocol frame size and heartbeat settings of the master connection
 * @param zkSessionTimeout the ZooKeeper session timeout
 * @param docker where the Docker engine is and what Docker tasks may ask for; the agent runs Docker tasks
 *     only when that engine answers at start
 * @param gcDelay how long the sandbox of a completed task is kept ({@code --gc-delay})
 */
public record AgentConfig(
    Path workDir,
    ZkUrl zk,
    String hostname,
    String httpBindHost,
    int httpPort,
    Resources resourceOverrides,
    Attributes attributes,
    Backoff registrationBackoff,
    Backoff statusUpdateBackoff,
    Duration processPollInterval,
    ProtocolOptions protocol,
    Duration zkSessionTimeout,
    DockerSettings docker,
    Duration gcDelay) {
  public static final int DEFAULT_HTTP_PORT = 5051;
  public static final Duration DEFAULT_GC_DELAY = Duration.ofDays(7);

  public AgentConfig {
    if (hostname == null || hostname.isBlank()) {
      throw new InvalidValueException("the agent's hostname must not be blank");
    }
    if (httpPort < 0 || httpPort > 65535) {
      throw new InvalidValueException("--port " + httpPort + " is not a TCP port");
    }
    if (gcDelay.isNegative()) {
      throw new InvalidValueException("--gc-delay " + gcDelay + " must not be negative");
    }
  }

  /** An agent with every default: detected resources, no attributes, port 5051, the host's name. */
  public static AgentConfig defaults(Path workDir, ZkUrl zk) {
    return new AgentConfig(
        workDir.toAbsolutePath().normalize(),
        zk,
        localHostname(),
        "0.0.0.0",
        DEFAULT_HTTP_PORT,
        Resources.EMPTY,
        Attributes.NONE,
        new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30)),
        new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60)),
        Duration.ofMillis(500),
        ProtocolOptions.DEFAULTS,
        Duration.ofSeconds(15),
        DockerSettings.defaults(System.getenv()),
        DEFAULT_GC_DELAY);
  }

  /** Reads {@code --resources}, e.g. {@code cpus:4;mem:4096;ports:[31000-32000]}; the error names the flag. */
  public static Resources parseResources(String text) {
    try {
      return Resources.parse(text);
    } catch (InvalidValueException e) {
      throw new InvalidValueException("--resources '" + text + "': " + e.getMessage());
    }
  }

  /** Reads {@code --attributes}, e.g. {@code rack:r1;zone:a}; the error names the flag. */
  public static Attributes parseAttributes(String text) {
    try {
      return Attributes.parse(text);
    } catch (InvalidValueException e) {
      throw new InvalidValueException("--attributes '" + text + "': " + e.getMessage());
    }
  }

  public AgentConfig withHostname(String name) {
    return new AgentConfig(workDir, zk, name, httpBindHost, httpPort, resourceOverrides, attributes, registrationBackoff, statusUpdateBackoff, processPollInterval, protocol, zkSessionTimeout, docker, gcDelay);
  }

  public AgentConfig withHttp(String bindHost, int port) {
    return new AgentConfig(workDir, zk, hostname, bindHost, port, resourceOverrides, attributes, registrationBackoff, statusUpdateBackoff, processPollInterval, protocol, zkSessionTimeout, docker, gcDelay);
  }

  public AgentConfig withResources(Resources overrides) {
    return new AgentConfig(workDir, zk, hostname, httpBindHost, httpPort, overrides, attributes, registrationBackoff, statusUpdateBackoff, processPollInterval, protocol, zkSessionTimeout, docker, gcDelay);
  }

  public AgentConfig withAttributes(Attributes values) {
    return new AgentConfig(workDir, zk, hostname, httpBindHost, httpPort, resourceOverrides, values, registrationBackoff, statusUpdateBackoff, processPollInterval, protocol, zkSessionTimeout, docker, gcDelay);
  }

  public AgentConfig withBackoffs(Backoff registration, Backoff statusUpdates) {
    return new AgentConfig(workDir, zk, hostname, httpBindHost, httpPort, resourceOverrides, attributes, registration, statusUpdates, processPollInterval, protocol, zkSessionTimeout, docker, gcDelay);
  }

  public AgentConfig withProtocol(ProtocolOptions options) {
    return new AgentConfig(workDir, zk, hostname, httpBindHost, httpPort, resourceOverrides, attributes, registrationBackoff, statusUpdateBackoff, processPollInterval, options, zkSessionTimeout, docker, gcDelay);
  }

  public AgentConfig withDocker(DockerSettings value) {
    return new AgentConfig(workDir, zk, hostname, httpBindHost, httpPort, resourceOverrides, attributes, registrationBackoff, statusUpdateBackoff, processPollInterval, protocol, zkSessionTimeout, value, gcDelay);
  }

  public AgentConfig withGcDelay(Duration value) {
    return new AgentConfig(workDir, zk, hostname, httpBindHost, httpPort, resourceOverrides, attributes, registrationBackoff, statusUpdateBackoff, processPollInterval, protocol, zkSessionTimeout, docker, value);
  }

  private static String localHostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
