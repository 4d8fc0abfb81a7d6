package io.drover.marathon.scheduling;

import io.drover.core.HealthCheck;
import io.drover.core.InvalidValueException;
import io.drover.core.Resources;
import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.app.KillSelection;
import io.drover.marathon.app.UnreachableStrategy;
import io.drover.marathon.constraint.MarathonConstraint;
import io.drover.marathon.launch.BackoffStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the scheduler needs to know of one version of an app to launch and look after its instances.
 * {@code version} is the version its instances are launched at: the app's last configuration change,
 * so that scaling alone does not make instances outdated. Built from an app definition by a thin
 * mapping; {@link #builder} gives Marathon's defaults.
 */
public record RunSpec(
    String appId,
    String version,
    double cpus,
    double mem,
    double disk,
    double gpus,
    List<PortSpec> ports,
    Optional<String> cmd,
    List<String> args,
    Map<String, String> env,
    Optional<DockerSpec> docker,
    List<MarathonConstraint> constraints,
    List<HealthCheck> healthChecks,
    BackoffStrategy backoff,
    UnreachableStrategy unreachableStrategy,
    KillSelection killSelection,
    Optional<Duration> killGracePeriod,
    Map<String, String> labels,
    Set<String> acceptedResourceRoles) {
  public RunSpec {
    if (appId == null || !appId.startsWith("/") || appId.length() < 2) {
      throw new InvalidValueException("app id '" + appId + "' is not an absolute path");
    }
    if (version == null || version.isBlank()) {
      throw new InvalidValueException("app " + appId + " needs a version");
    }
    for (double amount : new double[] {cpus, mem, disk, gpus}) {
      if (!(amount >= 0) || Double.isInfinite(amount)) {
        throw new InvalidValueException("app " + appId + ": cpus, mem, disk and gpus must be finite numbers >= 0");
      }
    }
    ports = List.copyOf(ports == null ? List.of() : ports);
    cmd = cmd == null ? Optional.empty() : cmd.filter(c -> !c.isBlank());
    args = List.copyOf(args == null ? List.of() : args);
    if (cmd.isPresent() && !args.isEmpty()) {
      throw new InvalidValueException("app " + appId + " has both cmd and args");
    }
    env = Map.copyOf(env == null ? Map.of() : env);
    docker = docker == null ? Optional.empty() : docker;
    constraints = List.copyOf(constraints == null ? List.of() : constraints);
    healthChecks = List.copyOf(healthChecks == null ? List.of() : healthChecks);
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(unreachableStrategy, "unreachableStrategy");
    Objects.requireNonNull(killSelection, "killSelection");
    killGracePeriod = killGracePeriod == null ? Optional.empty() : killGracePeriod;
    labels = Map.copyOf(labels == null ? Map.of() : labels);
    acceptedResourceRoles = Set.copyOf(acceptedResourceRoles == null ? Set.of() : acceptedResourceRoles);
  }

  public static Builder builder(String appId, String version) {
    return new Builder(appId, version);
  }

  /** One instance on every agent that fits, rather than a number of instances. */
  public boolean isGlobal() {
    return AppDefinition.GLOBAL_MODE.equalsIgnoreCase(labels.get(AppDefinition.MODE_LABEL));
  }

  /** The scalar resources one instance takes, without ports. */
  public Resources scalarResources() {
    return Resources.builder().scalar(Resources.CPUS, cpus).scalar(Resources.MEM, mem).scalar(Resources.DISK, disk).scalar(Resources.GPUS, gpus).build();
  }

  /** The health check the agent runs next to the task (Mesos runs one per task): the first. */
  public Optional<HealthCheck> healthCheck() {
    return healthChecks.stream().findFirst();
  }

  /** The other health checks, which marathon-app runs against the task's host ports ({@link HostHealthChecks}). */
  public List<HealthCheck> hostHealthChecks() {
    return healthChecks.isEmpty() ? List.of() : healthChecks.subList(1, healthChecks.size());
  }

  public Builder toBuilder() {
    Builder b = new Builder(appId, version);
    b.cpus = cpus;
    b.mem = mem;
    b.disk = disk;
    b.gpus = gpus;
    b.ports.addAll(ports);
    b.cmd = cmd;
    b.args = args;
    b.env = env;
    b.docker = docker;
    b.constraints = constraints;
    b.healthChecks = healthChecks;
    b.backoff = backoff;
    b.unreachableStrategy = unreachableStrategy;
    b.killSelection = killSelection;
    b.killGracePeriod = killGracePeriod;
    b.labels = labels;
    b.acceptedResourceRoles = acceptedResourceRoles;
    return b;
  }

  /** Marathon's defaults: 1 cpu, 128 MiB, no disk, no ports, default backoff and unreachable strategy, youngest killed first. */
  public static final class Builder {
    private final String appId;
    private String version;
    private double cpus = 1;
    private double mem = 128;
    private double disk;
    private double gpus;
    private final List<PortSpec> ports = new ArrayList<>();
    private Optional<String> cmd = Optional.empty();
    private List<String> args = List.of();
    private Map<String, String> env = Map.of();
    private Optional<DockerSpec> docker = Optional.empty();
    private List<MarathonConstraint> constraints = List.of();
    private List<HealthCheck> healthChecks = List.of();
    private BackoffStrategy backoff = BackoffStrategy.DEFAULT;
    private UnreachableStrategy unreachableStrategy = UnreachableStrategy.DEFAULT;
    private KillSelection killSelection = KillSelection.YOUNGEST_FIRST;
    private Optional<Duration> killGracePeriod = Optional.empty();
    private Map<String, String> labels = Map.of();
    private Set<String> acceptedResourceRoles = Set.of();

    private Builder(String appId, String version) {
      this.appId = appId;
      this.version = version;
    }

    public Builder version(String newVersion) {
      this.version = newVersion;
      return this;
    }

    public Builder resources(double newCpus, double newMem, double newDisk, double newGpus) {
      this.cpus = newCpus;
      this.mem = newMem;
      this.disk = newDisk;
      this.gpus = newGpus;
      return this;
    }

    public Builder port(PortSpec port) {
      ports.add(port);
      return this;
    }

    public Builder cmd(String command) {
      this.cmd = Optional.ofNullable(command);
      return this;
    }

    public Builder args(List<String> arguments) {
      this.args = arguments;
      return this;
    }

    public Builder env(Map<String, String> environment) {
      this.env = environment;
      return this;
    }

    public Builder docker(DockerSpec container) {
      this.docker = Optional.ofNullable(container);
      return this;
    }

    public Builder constraints(List<MarathonConstraint> appConstraints) {
      this.constraints = appConstraints;
      return this;
    }

    public Builder healthChecks(List<HealthCheck> checks) {
      this.healthChecks = checks;
      return this;
    }

    public Builder backoff(BackoffStrategy strategy) {
      this.backoff = strategy;
      return this;
    }

    public Builder unreachableStrategy(UnreachableStrategy strategy) {
      this.unreachableStrategy = strategy;
      return this;
    }

    public Builder killSelection(KillSelection selection) {
      this.killSelection = selection;
      return this;
    }

    public Builder killGracePeriod(Duration gracePeriod) {
      this.killGracePeriod = Optional.ofNullable(gracePeriod);
      return this;
    }

    public Builder labels(Map<String, String> appLabels) {
      this.labels = appLabels;
      return this;
    }

    public Builder acceptedResourceRoles(Set<String> roles) {
      this.acceptedResourceRoles = roles;
      return this;
    }

    public RunSpec build() {
      return new RunSpec(
          appId,
          version,
          cpus,
          mem,
          disk,
          gpus,
          ports,
          cmd,
          args,
          env,
          docker,
          constraints,
          healthChecks,
          backoff,
          unreachableStrategy,
          killSelection,
          killGracePeriod,
          labels,
          acceptedResourceRoles);
    }
  }
}
