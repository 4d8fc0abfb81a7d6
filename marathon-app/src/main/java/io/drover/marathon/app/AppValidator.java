package io.drover.marathon.app;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Marathon's rules for an app definition, as a pure function from a definition to its violations
 * (empty when valid), with Marathon's paths and, where Marathon has one, its message.
 */
public final class AppValidator {
  static final String SEGMENT_REGEX =
      "^(([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])\\.)*([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])|(\\.|\\.\\.)$";
  private static final Pattern SEGMENT = Pattern.compile(SEGMENT_REGEX);
  private static final List<String> RESERVED = List.of("restart", "tasks", "versions", ".", "..");
  private static final Set<String> OPERATORS = Set.of("UNIQUE", "CLUSTER", "GROUP_BY", "LIKE", "UNLIKE", "MAX_PER", "IS");
  private static final Pattern IS_VALUE = Pattern.compile("^[a-zA-Z0-9_/.-]*$");
  private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "udp,tcp", "tcp,udp");
  private static final int MAX_PORT = 65535;

  private AppValidator() {}

  public static List<Violation> validate(AppDefinition app) {
    return validate(app, "");
  }

  /** Validates {@code app} with every path prefixed by {@code prefix} (e.g. {@code /apps(2)} inside a group). */
  public static List<Violation> validate(AppDefinition app, String prefix) {
    Checks checks = new Checks(prefix);
    checkAppId(app.id(), checks);
    for (int i = 0; i < app.dependencies().size(); i++) {
      checkPathId(app.dependencies().get(i), checks, "/dependencies(" + i + ")");
    }
    checkCommand(app, checks);
    checks.atLeast("/instances", app.instances(), 0);
    checks.atLeast("/cpus", app.cpus(), 0);
    checks.atLeast("/mem", app.mem(), 0);
    checks.atLeast("/disk", app.disk(), 0);
    checks.atLeast("/backoffSeconds", app.backoffSeconds(), 0);
    checks.atLeast("/backoffFactor", app.backoffFactor(), 1);
    checks.atLeast("/maxLaunchDelaySeconds", app.maxLaunchDelaySeconds(), 0);
    if (app.taskKillGracePeriodSeconds() != null) {
      checks.atLeast("/taskKillGracePeriodSeconds", app.taskKillGracePeriodSeconds(), 0);
    }
    checks.between("/upgradeStrategy/minimumHealthCapacity", app.upgradeStrategy().minimumHealthCapacity(), 0, 1);
    checks.between("/upgradeStrategy/maximumOverCapacity", app.upgradeStrategy().maximumOverCapacity(), 0, 1);
    checkContainer(app, checks);
    checkPortDefinitions(app, checks);
    for (int i = 0; i < app.constraints().size(); i++) {
      checkConstraint(app.constraints().get(i), checks, "/constraints(" + i + ")");
    }
    for (int i = 0; i < app.healthChecks().size(); i++) {
      checkHealthCheck(app.healthChecks().get(i), app.portCount(), checks, "/healthChecks(" + i + ")");
    }
    // Mesos runs one check per task; the others run from marathon-app, which can only probe ports
    if (app.healthChecks().stream().filter(check -> check.protocol().runsOnAgent()).count() > 1) {
      checks.add("/healthChecks", "AppDefinition can contain at most one Mesos health check");
    }
    checkUnreachableStrategy(app.unreachableStrategy(), checks);
    if (app.acceptedResourceRoles() != null && app.acceptedResourceRoles().isEmpty()) {
      checks.add("/acceptedResourceRoles", "must not be empty");
    }
    checkDroverLabels(app, checks);
    return checks.violations;
  }

  /** Marathon's rules for any path id: each segment lower-case DNS-like, last one not reserved. */
  public static List<Violation> validatePathId(PathId id, String path) {
    Checks checks = new Checks("");
    checkPathId(id, checks, path);
    return checks.violations;
  }

  private static void checkAppId(PathId id, Checks checks) {
    if (id.isRoot()) {
      checks.add("/id", "Path must contain at least one path element");
      return;
    }
    checkPathId(id, checks, "/id");
    if (id.segments().stream().anyMatch(s -> s.equals(".") || s.equals(".."))) {
      checks.add("/id", "must not contain '.' or '..' segments: an app id is absolute or relative to its group");
    }
  }

  private static void checkPathId(PathId id, Checks checks, String path) {
    if (!id.segments().stream().allMatch(s -> SEGMENT.matcher(s).matches())) {
      checks.add(path, "must fully match regular expression '" + SEGMENT_REGEX + "'");
    }
    if (!id.isRoot() && RESERVED.contains(id.name())) {
      checks.add(path, "must not end with any of the following reserved keywords: " + String.join(", ", RESERVED));
    }
  }

  private static void checkCommand(AppDefinition app, Checks checks) {
    boolean cmd = app.cmd() != null;
    boolean args = app.args() != null && !app.args().isEmpty();
    if (cmd && app.cmd().isEmpty()) {
      checks.add("/cmd", "must not be an empty string");
    }
    if (cmd && args || !cmd && !args && !app.isDocker()) {
      checks.add("/", "AppDefinition must either contain one of 'cmd' or 'args', and/or a 'container'.");
    }
  }

  /**
   * Marathon 1.5's {@code networks}: host or container/bridge alone, container networks by name. The
   * Docker containerizer joins a container at start to one network, and the command containerizer runs
   * on the host's network only.
   */
  private static void checkNetworks(AppDefinition app, Checks checks) {
    List<Network> networks = app.networks();
    for (int i = 0; i < networks.size(); i++) {
      Network network = networks.get(i);
      boolean named = network.name() != null && !network.name().isBlank();
      if (network.mode() == Network.NetworkMode.CONTAINER && !named) {
        checks.add("/networks(" + i + ")/name", "a container network needs a name");
      }
      if (network.mode() != Network.NetworkMode.CONTAINER && network.name() != null) {
        checks.add("/networks(" + i + ")/name", "only a container network has a name");
      }
    }
    if (networks.size() > 1) {
      boolean exclusive = networks.stream().anyMatch(n -> n.mode() != Network.NetworkMode.CONTAINER);
      checks.add("/networks", exclusive ? "host and container/bridge networking cannot be combined with other networks" : "a Docker container joins one container network");
    }
    boolean hostOnly = networks.stream().allMatch(n -> n.mode() == Network.NetworkMode.HOST);
    if (!hostOnly && !app.isDocker()) {
      checks.add("/networks", "only Docker apps can use container networking; command apps run on the host's network");
    }
  }

  private static void checkContainer(AppDefinition app, Checks checks) {
    Container container = app.container();
    boolean hostNetworking = app.networks().stream().anyMatch(n -> n.mode() == Network.NetworkMode.HOST);
    if (app.networks().isEmpty()) {
      checks.add("/networks", "must not be empty");
    }
    checkNetworks(app, checks);
    if (container == null) {
      return;
    }
    if (container.type() == ContainerType.DOCKER) {
      if (container.docker() == null) {
        checks.add("/container/docker", "must be defined for a DOCKER container");
      } else if (container.docker().image() == null || container.docker().image().isBlank()) {
        checks.add("/container/docker/image", "must not be empty");
      }
    }
    List<PortMapping> mappings = container.portMappings() == null ? List.of() : container.portMappings();
    if (hostNetworking && !mappings.isEmpty()) {
      checks.add("/", "portMappings are not allowed with host-networking");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < mappings.size(); i++) {
      PortMapping mapping = mappings.get(i);
      String path = "/container/portMappings(" + i + ")";
      checks.between(path + "/containerPort", mapping.containerPort(), 0, MAX_PORT);
      if (mapping.hostPort() != null) {
        checks.between(path + "/hostPort", mapping.hostPort(), 0, MAX_PORT);
      }
      checks.between(path + "/servicePort", mapping.servicePort(), 0, MAX_PORT);
      checkProtocol(mapping.protocol(), checks, path + "/protocol");
      if (mapping.name() != null && !names.add(mapping.name())) {
        checks.add("/container/portMappings", "Port names must be unique.");
      }
    }
    for (int i = 0; i < container.volumes().size(); i++) {
      Volume volume = container.volumes().get(i);
      String path = "/container/volumes(" + i + ")";
      if (volume.containerPath() == null || volume.containerPath().isEmpty()) {
        checks.add(path + "/containerPath", "must not be empty");
      }
      if (volume.hostPath() == null || volume.hostPath().isEmpty()) {
        checks.add(path + "/hostPath", "must not be empty");
      }
      if (volume.mode() == null) {
        checks.add(path + "/mode", "must be one of RO, RW");
      }
    }
  }

  private static void checkPortDefinitions(AppDefinition app, Checks checks) {
    boolean hostNetworking = app.networks().stream().allMatch(n -> n.mode() == Network.NetworkMode.HOST);
    if (!hostNetworking && !app.portDefinitions().isEmpty()) {
      checks.add("/", "portDefinitions are only allowed with host-networking");
    }
    Set<Integer> ports = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < app.portDefinitions().size(); i++) {
      PortDefinition definition = app.portDefinitions().get(i);
      String path = "/portDefinitions(" + i + ")";
      checks.between(path + "/port", definition.port(), 0, MAX_PORT);
      checkProtocol(definition.protocol(), checks, path + "/protocol");
      if (definition.port() != 0 && !ports.add(definition.port())) {
        checks.add("/portDefinitions", "Ports must be unique.");
      }
      if (definition.name() != null && !names.add(definition.name())) {
        checks.add("/portDefinitions", "Port names must be unique.");
      }
    }
    if (app.requirePorts() && app.portDefinitions().stream().anyMatch(d -> d.port() == 0)) {
      checks.add("/requirePorts", "requirePorts needs every port definition to name a port other than 0");
    }
  }

  private static void checkProtocol(String protocol, Checks checks, String path) {
    if (!PROTOCOLS.contains(protocol)) {
      checks.add(path, "must be one of tcp, udp, udp,tcp");
    }
  }

  private static void checkConstraint(Constraint constraint, Checks checks, String path) {
    if (constraint.field() == null || constraint.field().isEmpty()) {
      checks.add(path, "missing field for constraint declaration");
      return;
    }
    String operator = constraint.operator() == null ? "" : constraint.operator().toUpperCase(Locale.ROOT);
    String value = constraint.value();
    if (!OPERATORS.contains(operator)) {
      checks.add(path, "operator must be one of the following UNIQUE, CLUSTER, GROUP_BY, LIKE, MAX_PER, UNLIKE or IS");
      return;
    }
    switch (operator) {
      case "UNIQUE" -> {
        if (value != null) {
          checks.add(path, "UNIQUE does not accept a value");
        }
      }
      case "GROUP_BY" -> {
        if (value != null && !isInteger(value)) {
          checks.add(path, "GROUP BY must define an integer value or else no value at all");
        }
      }
      case "MAX_PER" -> {
        if (value == null || !isInteger(value)) {
          checks.add(path, "MAX_PER requires an integer value");
        }
      }
      case "LIKE", "UNLIKE" -> {
        if (value == null || value.isEmpty()) {
          checks.add(path, "LIKE and UNLIKE require a non-empty, regular expression value");
        } else {
          try {
            Pattern.compile(value);
          } catch (PatternSyntaxException e) {
            checks.add(path, "'" + value + "' is not a valid regular expression");
          }
        }
      }
      case "IS" -> {
        if (value == null || !IS_VALUE.matcher(value).matches()) {
          checks.add(path, "IS only supports Mesos text and float values (see http://mesos.apache.org/documentation/latest/attributes-resources/)");
        }
      }
      default -> {
        // CLUSTER: the value is optional
      }
    }
  }

  private static boolean isInteger(String value) {
    try {
      Integer.parseInt(value);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static void checkHealthCheck(HealthCheck check, int portCount, Checks checks, String path) {
    if (check.protocol() == HealthCheckProtocol.COMMAND) {
      if (check.command() == null || check.command().value() == null || check.command().value().isBlank()) {
        checks.add(path + "/command", "a COMMAND health check needs a command value");
      }
    } else if (check.port() != null) {
      checks.between(path + "/port", check.port(), 0, MAX_PORT);
    } else if (check.portIndex() == null || check.portIndex() < 0 || check.portIndex() >= portCount) {
      checks.add(path, "Health check port indices must address an element of the ports array or container port mappings.");
    }
    checks.atLeast(path + "/gracePeriodSeconds", check.gracePeriodSeconds(), 0);
    checks.atLeast(path + "/intervalSeconds", check.intervalSeconds(), 1);
    checks.atLeast(path + "/timeoutSeconds", check.timeoutSeconds(), 1);
    checks.atLeast(path + "/maxConsecutiveFailures", check.maxConsecutiveFailures(), 0);
    checks.atLeast(path + "/delaySeconds", check.delaySeconds(), 0);
  }

  private static void checkUnreachableStrategy(UnreachableStrategy strategy, Checks checks) {
    if (!strategy.enabled()) {
      return;
    }
    checks.atLeast("/unreachableStrategy/inactiveAfterSeconds", strategy.inactiveAfterSeconds(), 0);
    checks.atLeast("/unreachableStrategy/expungeAfterSeconds", strategy.expungeAfterSeconds(), 0);
    if (strategy.inactiveAfterSeconds() > strategy.expungeAfterSeconds()) {
      checks.add(
          "/unreachableStrategy/inactiveAfterSeconds",
          "got " + strategy.inactiveAfterSeconds() + ", expected " + strategy.expungeAfterSeconds() + " or less (expungeAfterSeconds)");
    }
  }

  private static void checkDroverLabels(AppDefinition app, Checks checks) {
    String mode = app.labels().get(AppDefinition.MODE_LABEL);
    if (mode != null && !mode.equalsIgnoreCase(AppDefinition.GLOBAL_MODE)) {
      checks.add("/labels/" + AppDefinition.MODE_LABEL, "must be '" + AppDefinition.GLOBAL_MODE + "' when given");
    }
    String deadline = app.labels().get(AppDefinition.PROGRESS_DEADLINE_LABEL);
    if (deadline != null && app.progressDeadline().isEmpty()) {
      checks.add("/labels/" + AppDefinition.PROGRESS_DEADLINE_LABEL, "must be a whole number of seconds greater than 0");
    }
    String rollback = app.labels().get(AppDefinition.ROLLBACK_ON_FAILURE_LABEL);
    if (rollback != null && !rollback.equalsIgnoreCase("true") && !rollback.equalsIgnoreCase("false")) {
      checks.add("/labels/" + AppDefinition.ROLLBACK_ON_FAILURE_LABEL, "must be true or false");
    }
    if (rollback != null && rollback.equalsIgnoreCase("true") && deadline == null) {
      checks.add(
          "/labels/" + AppDefinition.ROLLBACK_ON_FAILURE_LABEL,
          "needs " + AppDefinition.PROGRESS_DEADLINE_LABEL + ": a deployment fails only when its deadline passes");
    }
  }

  /** Collects violations under a path prefix. */
  private static final class Checks {
    private final String prefix;
    private final List<Violation> violations = new ArrayList<>();

    Checks(String prefix) {
      this.prefix = prefix;
    }

    void add(String path, String message) {
      String full = prefix.isEmpty() ? path : path.equals("/") ? prefix : prefix + path;
      Violation violation = new Violation(full, message);
      if (!violations.contains(violation)) {
        violations.add(violation);
      }
    }

    void atLeast(String path, double value, double minimum) {
      if (value < minimum) {
        add(path, "got " + number(value) + ", expected " + number(minimum) + " or more");
      }
    }

    void between(String path, double value, double minimum, double maximum) {
      if (value < minimum || value > maximum) {
        add(path, "got " + number(value) + ", expected between " + number(minimum) + " and " + number(maximum));
      }
    }
  }

  /** 1.0 as "1", 1.5 as "1.5": numbers as the user wrote them. */
  static String number(double value) {
    if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Objects.toString(value);
  }
}
