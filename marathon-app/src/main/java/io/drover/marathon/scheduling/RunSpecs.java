package io.drover.marathon.scheduling;

import io.drover.core.ContainerInfo;
import io.drover.core.HealthCheck;
import io.drover.core.InvalidValueException;
import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.app.Constraint;
import io.drover.marathon.app.Docker;
import io.drover.marathon.app.HealthCheckProtocol;
import io.drover.marathon.app.MarathonJson;
import io.drover.marathon.app.Network;
import io.drover.marathon.app.PortDefinition;
import io.drover.marathon.app.PortMapping;
import io.drover.marathon.app.Volume;
import io.drover.marathon.app.VolumeMode;
import io.drover.marathon.constraint.ConstraintParser;
import io.drover.marathon.constraint.MarathonConstraint;
import io.drover.marathon.launch.BackoffStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The {@link RunSpec} of a (validated, versioned) app definition. Its version is the app's last
 * configuration change, so instances of an app that was only scaled stay current.
 *
 * <p>Drover's tasks carry one health check, so an app's first is the one run; {@code HTTPS} and {@code
 * MESOS_HTTPS} checks are run as HTTP, and a check on a fixed {@code port} probes the first port.
 */
public final class RunSpecs {
  private RunSpecs() {}

  public static RunSpec of(AppDefinition app) {
    RunSpec.Builder spec =
        RunSpec.builder(app.id().toString(), MarathonJson.timestamp(configVersion(app)))
            .resources(app.cpus(), app.mem(), app.disk(), 0)
            .cmd(app.cmd())
            .args(app.args())
            .env(app.env())
            .constraints(constraints(app.constraints()))
            .healthChecks(agentCheckFirst(app.healthChecks()).stream().map(RunSpecs::healthCheck).toList())
            .backoff(
                new BackoffStrategy(seconds(app.backoffSeconds()), app.backoffFactor(), seconds(app.maxLaunchDelaySeconds())))
            .unreachableStrategy(app.unreachableStrategy())
            .killSelection(app.killSelection())
            .labels(app.labels())
            .acceptedResourceRoles(app.acceptedResourceRoles() == null ? null : new HashSet<>(app.acceptedResourceRoles()));
    if (app.taskKillGracePeriodSeconds() != null) {
      spec.killGracePeriod(Duration.ofSeconds(app.taskKillGracePeriodSeconds()));
    }
    if (app.isDocker()) {
      spec.docker(docker(app));
    }
    if (app.container() != null && app.container().portMappings() != null) {
      for (PortMapping mapping : app.container().portMappings()) {
        // A mapping without a host port is reachable on the container's network only.
        if (mapping.hostPort() != null) {
          spec.port(PortSpec.mapping(mapping.containerPort(), mapping.hostPort(), mapping.servicePort(), mapping.name(), mapping.protocol(), mapping.labels()));
        }
      }
    } else {
      for (PortDefinition port : app.portDefinitions()) {
        spec.port(PortSpec.definition(port.port(), port.name(), port.protocol(), port.labels(), app.requirePorts()));
      }
    }
    return spec.build();
  }

  private static Instant configVersion(AppDefinition app) {
    if (app.versionInfo() != null && app.versionInfo().lastConfigChangeAt() != null) {
      return app.versionInfo().lastConfigChangeAt();
    }
    if (app.version() != null) {
      return app.version();
    }
    throw new InvalidValueException("app " + app.id() + " has no version yet");
  }

  private static List<MarathonConstraint> constraints(List<Constraint> constraints) {
    List<MarathonConstraint> parsed = new ArrayList<>();
    for (Constraint c : constraints) {
      parsed.add(ConstraintParser.parse(c.value() == null ? List.of(c.field(), c.operator()) : List.of(c.field(), c.operator(), c.value())));
    }
    return parsed;
  }

  /**
   * The checks with the one the agent must run first: the app's check that only the agent can run
   * (COMMAND or MESOS_*; validation allows one), else its first.
   */
  static List<io.drover.marathon.app.HealthCheck> agentCheckFirst(List<io.drover.marathon.app.HealthCheck> checks) {
    List<io.drover.marathon.app.HealthCheck> ordered = new ArrayList<>(checks);
    ordered.stream().filter(check -> check.protocol().runsOnAgent()).findFirst().ifPresent(agentOnly -> {
      ordered.remove(agentOnly);
      ordered.add(0, agentOnly);
    });
    return ordered;
  }

  private static HealthCheck healthCheck(io.drover.marathon.app.HealthCheck check) {
    HealthCheck.Protocol protocol =
        check.protocol() == HealthCheckProtocol.COMMAND
            ? HealthCheck.Protocol.COMMAND
            : check.protocol() == HealthCheckProtocol.TCP || check.protocol() == HealthCheckProtocol.MESOS_TCP ? HealthCheck.Protocol.TCP : HealthCheck.Protocol.HTTP;
    return new HealthCheck(
        protocol,
        check.path(),
        check.portIndex() == null ? 0 : check.portIndex(),
        check.command() == null ? "" : check.command().value(),
        Duration.ofSeconds(check.gracePeriodSeconds()),
        Duration.ofSeconds(check.intervalSeconds()),
        Duration.ofSeconds(check.timeoutSeconds()),
        check.maxConsecutiveFailures());
  }

  private static DockerSpec docker(AppDefinition app) {
    Docker docker = app.container().docker();
    List<ContainerInfo.Parameter> parameters = new ArrayList<>();
    docker.parameters().forEach(p -> parameters.add(new ContainerInfo.Parameter(p.key(), p.value())));
    if (docker.privileged()) {
      parameters.add(new ContainerInfo.Parameter("privileged", "true"));
    }
    networkParameter(app).filter(n -> parameters.stream().noneMatch(p -> p.key().equals("network"))).ifPresent(parameters::add);
    List<ContainerInfo.Volume> volumes = new ArrayList<>();
    for (Volume volume : app.container().volumes()) {
      volumes.add(new ContainerInfo.Volume(volume.hostPath(), volume.containerPath(), volume.mode() == VolumeMode.RO));
    }
    return new DockerSpec(docker.image(), docker.forcePullImage(), parameters, volumes);
  }

  /** Host networking, or a named container network, as a {@code docker run} option; bridge is Docker's default. */
  private static Optional<ContainerInfo.Parameter> networkParameter(AppDefinition app) {
    Network network = app.networks().isEmpty() ? Network.BRIDGE : app.networks().get(0);
    return switch (network.mode()) {
      case HOST -> Optional.of(new ContainerInfo.Parameter("network", "host"));
      case CONTAINER -> Optional.ofNullable(network.name()).map(name -> new ContainerInfo.Parameter("network", name));
      case CONTAINER_BRIDGE -> Optional.empty();
    };
  }

  private static Duration seconds(double seconds) {
    return Duration.ofNanos(Math.round(seconds * 1e9));
  }
}
