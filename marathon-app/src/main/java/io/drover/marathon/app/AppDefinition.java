package io.drover.marathon.app;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Marathon v2 app definition, as {@code POST /v2/apps} takes it and {@code GET /v2/apps/{id}}
 * returns it (without the read-only status fields, which {@link AppView} adds).
 *
 * <p>Absent fields take Marathon's defaults in the compact constructor, so no accessor returns null
 * except those that are optional in Marathon too: {@code cmd}, {@code args}, {@code user},
 * {@code container}, {@code taskKillGracePeriodSeconds}, {@code acceptedResourceRoles},
 * {@code version}, {@code versionInfo}. Defaults: instances 1, cpus 1, mem 128, disk 0, backoffSeconds
 * 1, backoffFactor 1.15, maxLaunchDelaySeconds 300, killSelection YOUNGEST_FIRST, upgradeStrategy 1/1,
 * unreachableStrategy 0/0, networks {@code [{"mode":"host"}]} (or container/bridge when the container
 * maps ports), portDefinitions one any-port definition on host networking without port mappings.
 *
 * <p>The id is kept as written until the app is placed in a group (see {@link PathId#canonical}), so
 * that validation sees relative ids and {@code ..} segments; ids held by the group tree are absolute.
 *
 * <p>Beyond Marathon, expressed as labels so that definitions stay valid Marathon JSON:
 * {@value #MODE_LABEL}={@value #GLOBAL_MODE} runs one instance on every agent that satisfies the
 * constraints ({@link #global()}; {@code instances} is then ignored); {@value #PROGRESS_DEADLINE_LABEL}
 * is the seconds a deployment step of this app may take before the deployment fails
 * ({@link #progressDeadline()}); {@value #ROLLBACK_ON_FAILURE_LABEL}=true rolls a failed deployment
 * back ({@link #rollbackOnFailure()}).
 */
public record AppDefinition(
    PathId id,
    String cmd,
    List<String> args,
    String user,
    Map<String, String> env,
    Integer instances,
    Double cpus,
    Double mem,
    Double disk,
    Container container,
    List<Network> networks,
    List<PortDefinition> portDefinitions,
    Boolean requirePorts,
    List<Constraint> constraints,
    List<HealthCheck> healthChecks,
    UpgradeStrategy upgradeStrategy,
    Double backoffSeconds,
    Double backoffFactor,
    Double maxLaunchDelaySeconds,
    KillSelection killSelection,
    Map<String, String> labels,
    Integer taskKillGracePeriodSeconds,
    List<PathId> dependencies,
    List<String> acceptedResourceRoles,
    UnreachableStrategy unreachableStrategy,
    Instant version,
    VersionInfo versionInfo) {

  public static final String MODE_LABEL = "DROVER_MODE";
  public static final String GLOBAL_MODE = "global";
  public static final String PROGRESS_DEADLINE_LABEL = "DROVER_PROGRESS_DEADLINE_SECONDS";
  public static final String ROLLBACK_ON_FAILURE_LABEL = "DROVER_ROLLBACK_ON_FAILURE";

  public AppDefinition {
    id = id == null ? PathId.ROOT : id;
    args = args == null ? null : List.copyOf(args);
    env = env == null ? Map.of() : orderedCopy(env);
    instances = instances == null ? 1 : instances;
    cpus = cpus == null ? 1.0 : cpus;
    mem = mem == null ? 128.0 : mem;
    disk = disk == null ? 0.0 : disk;
    if (networks == null) {
      networks = List.of(defaultNetwork(container));
    }
    networks = List.copyOf(networks);
    container = container == null ? null : container.withoutLegacyNetwork();
    if (portDefinitions == null) {
      boolean hostNetworking = networks.stream().anyMatch(n -> n.mode() == Network.NetworkMode.HOST);
      boolean mapsPorts = container != null && container.portMappings() != null;
      portDefinitions = hostNetworking && !mapsPorts ? List.of(PortDefinition.any()) : List.of();
    }
    portDefinitions = List.copyOf(portDefinitions);
    requirePorts = requirePorts != null && requirePorts;
    constraints = constraints == null ? List.of() : List.copyOf(constraints);
    healthChecks = healthChecks == null ? List.of() : List.copyOf(healthChecks);
    upgradeStrategy = upgradeStrategy == null ? UpgradeStrategy.DEFAULT : upgradeStrategy;
    backoffSeconds = backoffSeconds == null ? 1.0 : backoffSeconds;
    backoffFactor = backoffFactor == null ? 1.15 : backoffFactor;
    maxLaunchDelaySeconds = maxLaunchDelaySeconds == null ? 300.0 : maxLaunchDelaySeconds;
    killSelection = killSelection == null ? KillSelection.YOUNGEST_FIRST : killSelection;
    labels = labels == null ? Map.of() : orderedCopy(labels);
    dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
    acceptedResourceRoles = acceptedResourceRoles == null ? null : List.copyOf(acceptedResourceRoles);
    unreachableStrategy = unreachableStrategy == null ? UnreachableStrategy.DEFAULT : unreachableStrategy;
  }

  private static Network defaultNetwork(Container container) {
    String legacy = container == null ? null : container.legacyNetwork();
    if (legacy != null) {
      return switch (legacy) {
        case "BRIDGE" -> Network.BRIDGE;
        case "USER" -> new Network(Network.NetworkMode.CONTAINER, null);
        default -> Network.HOST;
      };
    }
    return container != null && container.portMappings() != null ? Network.BRIDGE : Network.HOST;
  }

  private static Map<String, String> orderedCopy(Map<String, String> map) {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** A command app with every other field at its default: a starting point for {@link #toBuilder()}. */
  public static AppDefinition command(PathId id, String cmd) {
    return builder(id).cmd(cmd).build();
  }

  public static Builder builder(PathId id) {
    return new Builder().id(id);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** True if instances run a Docker image rather than a shell command on the agent's host. */
  @JsonIgnore
  public boolean isDocker() {
    return container != null && container.type() == ContainerType.DOCKER && container.docker() != null;
  }

  /**
   * How many ports each instance gets: its port mappings with a host port if it maps container ports,
   * otherwise its port definitions. Health checks' {@code portIndex} indexes this list.
   */
  public int portCount() {
    if (container != null && container.portMappings() != null) {
      return container.portMappings().size();
    }
    return portDefinitions.size();
  }

  /**
   * Its service ports, one per port: the port mappings' {@code servicePort}s if it maps container
   * ports, otherwise the port definitions' {@code port}s; 0 is one still to be assigned.
   */
  public List<Integer> servicePorts() {
    if (container != null && container.portMappings() != null) {
      return container.portMappings().stream().map(PortMapping::servicePort).toList();
    }
    return portDefinitions.stream().map(PortDefinition::port).toList();
  }

  /** The same app with these service ports, in the order of {@link #servicePorts()}. */
  public AppDefinition withServicePorts(List<Integer> ports) {
    if (ports.size() != portCount()) {
      throw new IllegalArgumentException("app " + id + " has " + portCount() + " ports, not " + ports.size());
    }
    if (container != null && container.portMappings() != null) {
      List<PortMapping> mappings = new ArrayList<>();
      for (int i = 0; i < ports.size(); i++) {
        mappings.add(container.portMappings().get(i).withServicePort(ports.get(i)));
      }
      Container ported = new Container(container.type(), container.docker(), mappings, container.volumes());
      return toBuilder().container(ported).networks(networks).portDefinitions(portDefinitions).build();
    }
    List<PortDefinition> definitions = new ArrayList<>();
    for (int i = 0; i < ports.size(); i++) {
      definitions.add(portDefinitions.get(i).withPort(ports.get(i)));
    }
    return toBuilder().portDefinitions(definitions).build();
  }

  /** Global mode (label {@value #MODE_LABEL}={@value #GLOBAL_MODE}): one instance per eligible agent. */
  public boolean global() {
    return GLOBAL_MODE.equalsIgnoreCase(labels.get(MODE_LABEL));
  }

  /** The label {@value #PROGRESS_DEADLINE_LABEL}, when present and a positive integer. */
  public Optional<Duration> progressDeadline() {
    String value = labels.get(PROGRESS_DEADLINE_LABEL);
    if (value == null) {
      return Optional.empty();
    }
    try {
      long seconds = Long.parseLong(value.trim());
      return seconds > 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The label {@value #ROLLBACK_ON_FAILURE_LABEL}=true. */
  public boolean rollbackOnFailure() {
    return Boolean.parseBoolean(labels.get(ROLLBACK_ON_FAILURE_LABEL));
  }

  /**
   * True if going from {@code previous} to this definition needs new instances (Marathon's "restart"),
   * false if they differ at most in {@code instances}, {@code version} and
   * {@code versionInfo.lastScalingAt} (a scale). A restart request keeps the definition and moves
   * {@code versionInfo.lastConfigChangeAt}, which this counts as a change.
   */
  public boolean needsRestartFrom(AppDefinition previous) {
    return !withoutScalingFields().equals(previous.withoutScalingFields());
  }

  private AppDefinition withoutScalingFields() {
    VersionInfo configOnly = versionInfo == null ? null : new VersionInfo(null, versionInfo.lastConfigChangeAt());
    return toBuilder().instances(0).version(null).versionInfo(configOnly).build();
  }

  public AppDefinition withInstances(int count) {
    return toBuilder().instances(count).build();
  }

  public AppDefinition withId(PathId newId) {
    return toBuilder().id(newId).build();
  }

  public AppDefinition withVersion(Instant newVersion, VersionInfo info) {
    return toBuilder().version(newVersion).versionInfo(info).build();
  }

  /** Step-by-step construction; unset fields take the defaults described on {@link AppDefinition}. */
  public static final class Builder {
    private PathId id;
    private String cmd;
    private List<String> args;
    private String user;
    private Map<String, String> env;
    private Integer instances;
    private Double cpus;
    private Double mem;
    private Double disk;
    private Container container;
    private List<Network> networks;
    private List<PortDefinition> portDefinitions;
    private Boolean requirePorts;
    private List<Constraint> constraints;
    private List<HealthCheck> healthChecks;
    private UpgradeStrategy upgradeStrategy;
    private Double backoffSeconds;
    private Double backoffFactor;
    private Double maxLaunchDelaySeconds;
    private KillSelection killSelection;
    private Map<String, String> labels;
    private Integer taskKillGracePeriodSeconds;
    private List<PathId> dependencies;
    private List<String> acceptedResourceRoles;
    private UnreachableStrategy unreachableStrategy;
    private Instant version;
    private VersionInfo versionInfo;

    private Builder() {}

    private Builder(AppDefinition app) {
      id = app.id;
      cmd = app.cmd;
      args = app.args;
      user = app.user;
      env = app.env;
      instances = app.instances;
      cpus = app.cpus;
      mem = app.mem;
      disk = app.disk;
      container = app.container;
      networks = app.networks;
      portDefinitions = app.portDefinitions;
      requirePorts = app.requirePorts;
      constraints = app.constraints;
      healthChecks = app.healthChecks;
      upgradeStrategy = app.upgradeStrategy;
      backoffSeconds = app.backoffSeconds;
      backoffFactor = app.backoffFactor;
      maxLaunchDelaySeconds = app.maxLaunchDelaySeconds;
      killSelection = app.killSelection;
      labels = app.labels;
      taskKillGracePeriodSeconds = app.taskKillGracePeriodSeconds;
      dependencies = app.dependencies;
      acceptedResourceRoles = app.acceptedResourceRoles;
      unreachableStrategy = app.unreachableStrategy;
      version = app.version;
      versionInfo = app.versionInfo;
    }

    public Builder id(PathId value) {
      id = value;
      return this;
    }

    public Builder cmd(String value) {
      cmd = value;
      return this;
    }

    public Builder args(List<String> value) {
      args = value;
      return this;
    }

    public Builder user(String value) {
      user = value;
      return this;
    }

    public Builder env(Map<String, String> value) {
      env = value;
      return this;
    }

    public Builder instances(int value) {
      instances = value;
      return this;
    }

    public Builder cpus(double value) {
      cpus = value;
      return this;
    }

    public Builder mem(double value) {
      mem = value;
      return this;
    }

    public Builder disk(double value) {
      disk = value;
      return this;
    }

    /** Also resets {@code networks} and {@code portDefinitions} to the defaults that follow from it. */
    public Builder container(Container value) {
      container = value;
      networks = null;
      portDefinitions = null;
      return this;
    }

    public Builder networks(List<Network> value) {
      networks = value;
      return this;
    }

    public Builder portDefinitions(List<PortDefinition> value) {
      portDefinitions = value;
      return this;
    }

    public Builder requirePorts(boolean value) {
      requirePorts = value;
      return this;
    }

    public Builder constraints(List<Constraint> value) {
      constraints = value;
      return this;
    }

    public Builder healthChecks(List<HealthCheck> value) {
      healthChecks = value;
      return this;
    }

    public Builder upgradeStrategy(UpgradeStrategy value) {
      upgradeStrategy = value;
      return this;
    }

    public Builder backoffSeconds(double value) {
      backoffSeconds = value;
      return this;
    }

    public Builder backoffFactor(double value) {
      backoffFactor = value;
      return this;
    }

    public Builder maxLaunchDelaySeconds(double value) {
      maxLaunchDelaySeconds = value;
      return this;
    }

    public Builder killSelection(KillSelection value) {
      killSelection = value;
      return this;
    }

    public Builder labels(Map<String, String> value) {
      labels = value;
      return this;
    }

    public Builder taskKillGracePeriodSeconds(Integer value) {
      taskKillGracePeriodSeconds = value;
      return this;
    }

    public Builder dependencies(List<PathId> value) {
      dependencies = value;
      return this;
    }

    public Builder acceptedResourceRoles(List<String> value) {
      acceptedResourceRoles = value;
      return this;
    }

    public Builder unreachableStrategy(UnreachableStrategy value) {
      unreachableStrategy = value;
      return this;
    }

    public Builder version(Instant value) {
      version = value;
      return this;
    }

    public Builder versionInfo(VersionInfo value) {
      versionInfo = value;
      return this;
    }

    public AppDefinition build() {
      return new AppDefinition(
          id, cmd, args, user, env, instances, cpus, mem, disk, container, networks, portDefinitions,
          requirePorts, constraints, healthChecks, upgradeStrategy, backoffSeconds, backoffFactor,
          maxLaunchDelaySeconds, killSelection, labels, taskKillGracePeriodSeconds, dependencies,
          acceptedResourceRoles, unreachableStrategy, version, versionInfo);
    }
  }
}
