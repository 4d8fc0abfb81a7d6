package io.drover.marathon.scheduling;

import io.drover.core.CommandInfo;
import io.drover.core.ContainerInfo;
import io.drover.core.Offer;
import io.drover.core.Ranges;
import io.drover.core.Resources;
import io.drover.core.TaskInfo;
import io.drover.core.ValueRange;
import io.drover.marathon.instance.HealthState;
import io.drover.marathon.instance.Instance;
import io.drover.marathon.instance.InstanceId;
import io.drover.sdk.placement.TaskSite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns an app version placed on an offer into the task that runs the instance: its host ports, its
 * command or Docker container (port mappings get the host ports picked for them), Marathon's
 * environment variables, health check, kill grace period and labels.
 */
public final class TaskFactory {
  /** Marathon leaves out label variables whose value is this long or longer. */
  private static final int MAX_LABEL_VALUE_IN_ENV = 512;

  public PlannedInstance build(RunSpec spec, InstanceId id, Offer offer, Resources claimed, Instant now) {
    List<Integer> hostPorts = hostPorts(spec, claimed);
    Map<String, String> env = environment(spec, id, hostPorts);
    CommandInfo command =
        spec.cmd().isPresent()
            ? new CommandInfo(spec.cmd().get(), List.of(), true, env)
            : new CommandInfo("", spec.args(), false, env);
    Optional<ContainerInfo> container = spec.docker().map(d -> container(d, spec.ports(), hostPorts));
    TaskInfo task =
        new TaskInfo(
            id.taskId(),
            taskName(spec.appId()),
            offer.agentId(),
            claimed,
            command,
            container,
            spec.healthCheck(),
            spec.killGracePeriod().orElse(null),
            spec.labels());
    // The checks marathon-app runs start without a verdict: until they answer, the agent's alone cannot make the instance healthy.
    List<HealthState> noVerdicts = Collections.nCopies(spec.hostHealthChecks().size(), HealthState.UNKNOWN);
    return new PlannedInstance(Instance.launched(id, spec.version(), TaskSite.of(offer), hostPorts, now).withHostChecks(noVerdicts), task);
  }

  /**
   * The host port of each of the app's ports, in their order: a fixed port is itself; the others take
   * the claimed ports the fixed ones leave, lowest first (as placement picked them).
   */
  static List<Integer> hostPorts(RunSpec spec, Resources claimed) {
    List<ValueRange> fixed = new ArrayList<>();
    spec.ports().stream().filter(PortSpec::isFixed).forEach(p -> fixed.add(ValueRange.of(p.hostPort(), p.hostPort())));
    Iterator<Long> dynamic = numbers(claimed.ports().minus(Ranges.of(fixed))).iterator();
    List<Integer> hostPorts = new ArrayList<>();
    for (PortSpec port : spec.ports()) {
      hostPorts.add(port.isFixed() ? port.hostPort() : Math.toIntExact(dynamic.next()));
    }
    return hostPorts;
  }

  /**
   * The app's own variables overlaid with Marathon's: {@code MARATHON_APP_*}, {@code MESOS_TASK_ID},
   * {@code PORT0..}, {@code PORT}, {@code PORTS}, {@code PORT_<requested port>} and {@code PORT_<NAME>}.
   */
  static Map<String, String> environment(RunSpec spec, InstanceId id, List<Integer> hostPorts) {
    Map<String, String> env = new TreeMap<>(spec.env());
    env.put("MARATHON_APP_ID", spec.appId());
    env.put("MARATHON_APP_VERSION", spec.version());
    env.put("MARATHON_APP_RESOURCE_CPUS", Double.toString(spec.cpus()));
    env.put("MARATHON_APP_RESOURCE_MEM", Double.toString(spec.mem()));
    env.put("MARATHON_APP_RESOURCE_DISK", Double.toString(spec.disk()));
    env.put("MARATHON_APP_RESOURCE_GPUS", Long.toString(Math.round(spec.gpus())));
    env.put("MESOS_TASK_ID", id.value());
    spec.docker().ifPresent(d -> env.put("MARATHON_APP_DOCKER_IMAGE", d.image()));
    List<String> labelNames = new ArrayList<>();
    new TreeMap<>(spec.labels())
        .forEach(
            (key, value) -> {
              if (value.length() < MAX_LABEL_VALUE_IN_ENV) {
                String name = variableName(key);
                labelNames.add(name);
                env.put("MARATHON_APP_LABEL_" + name, value);
              }
            });
    env.put("MARATHON_APP_LABELS", String.join(" ", labelNames));
    List<String> all = new ArrayList<>();
    for (int i = 0; i < hostPorts.size(); i++) {
      String port = Integer.toString(hostPorts.get(i));
      PortSpec declared = spec.ports().get(i);
      all.add(port);
      env.put("PORT" + i, port);
      if (declared.requestedPort() != 0) {
        env.put("PORT_" + declared.requestedPort(), port);
      }
      if (!declared.name().isEmpty()) {
        env.put("PORT_" + variableName(declared.name()), port);
      }
    }
    if (!all.isEmpty()) {
      env.put("PORT", all.get(0));
      env.put("PORTS", String.join(",", all));
    }
    return env;
  }

  private static ContainerInfo container(DockerSpec docker, List<PortSpec> ports, List<Integer> hostPorts) {
    List<ContainerInfo.PortMapping> mappings = new ArrayList<>();
    for (int i = 0; i < ports.size(); i++) {
      PortSpec port = ports.get(i);
      if (port.containerPort().isPresent()) {
        mappings.add(new ContainerInfo.PortMapping(hostPorts.get(i), port.containerPort().get(), port.protocol(), port.name(), port.labels()));
      }
    }
    return new ContainerInfo(docker.image(), docker.forcePullImage(), docker.parameters(), mappings, docker.volumes());
  }

  /** Marathon's task name: the app id's segments in reverse, joined by dots ({@code /prod/web} -> {@code web.prod}). */
  static String taskName(String appId) {
    String[] segments = appId.substring(1).split("/");
    StringBuilder name = new StringBuilder();
    for (int i = segments.length - 1; i >= 0; i--) {
      name.append(name.length() == 0 ? "" : ".").append(segments[i]);
    }
    return name.toString();
  }

  private static String variableName(String text) {
    return text.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
  }

  private static List<Long> numbers(Ranges ranges) {
    List<Long> numbers = new ArrayList<>();
    for (ValueRange range : ranges.ranges()) {
      for (long n = range.begin(); n <= range.end(); n++) {
        numbers.add(n);
      }
    }
    return numbers;
  }
}
