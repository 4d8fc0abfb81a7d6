package io.drover.agent.containerizer.docker;

import io.drover.agent.containerizer.ContainerLaunch;
import io.drover.agent.containerizer.TaskVariables;
import io.drover.core.CommandInfo;
import io.drover.core.ContainerInfo;
import io.drover.core.InvalidValueException;
import io.drover.core.TaskInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How a task's container is to be created, decided from the launch and the agent's settings alone (no
 * engine involved), so that every refusal comes with a reason before anything runs.
 *
 * <ul>
 *   <li>name {@code drover-<containerId>}; labels {@value #FRAMEWORK_LABEL}, {@value #TASK_LABEL},
 *       {@value #AGENT_LABEL}, {@value #CONTAINER_LABEL} and {@value #OWNER_LABEL} (the agent's work dir,
 *       by which a restarted agent tells its containers from other agents' on the same engine);
 *   <li>a shell command runs as {@code /bin/sh -c value}; otherwise the argv replaces the image's command
 *       (its entrypoint stays unless the {@code entrypoint} parameter replaces it); no command: the image's;
 *   <li>cpu shares {@code cpus * 1024} and a CFS quota of {@code cpus} periods; a memory limit of {@code mem} MiB;
 *   <li>the task's environment, then the parameters' {@code env}, then the agent's {@link TaskVariables}.
 * </ul>
 */
record DockerRunSpec(
    String name,
    String image,
    ImageReference reference,
    boolean forcePull,
    Optional<List<String>> entrypoint,
    List<String> cmd,
    Map<String, String> env,
    Map<String, String> labels,
    List<PortAssignment.Binding> ports,
    List<BindVolumes.Bind> volumes,
    long cpuShares,
    long cpuQuotaMicros,
    long memoryBytes,
    ContainerOptions options) {
  static final String LABEL_PREFIX = "io.drover.";
  static final String FRAMEWORK_LABEL = "io.drover.framework-id";
  static final String TASK_LABEL = "io.drover.task-id";
  static final String AGENT_LABEL = "io.drover.agent-id";
  static final String CONTAINER_LABEL = "io.drover.container-id";
  static final String OWNER_LABEL = "io.drover.agent-work-dir";
  static final String NAME_PREFIX = "drover-";
  static final long CPU_PERIOD_MICROS = 100_000;
  private static final long MIN_CPU_QUOTA_MICROS = 1_000;
  private static final long MIN_CPU_SHARES = 2;
  private static final long MIB = 1024L * 1024;

  /** Refuses, with the reason, a Docker task this agent cannot run; a task without a container passes. */
  static void check(TaskInfo task, DockerSettings settings) {
    if (task.container().isPresent()) {
      Decided.of(task, task.container().get(), Optional.empty(), settings);
    }
  }

  /** The container for a launch. {@code owner} is the agent's work dir, its mark on its containers. */
  static DockerRunSpec of(ContainerLaunch launch, DockerSettings settings, String owner) {
    TaskInfo task = launch.task();
    ContainerInfo container = task.container().orElseThrow(() -> new InvalidValueException("task " + task.id() + " has no container"));
    Decided d = Decided.of(task, container, Optional.of(launch.sandbox()), settings);

    Map<String, String> env = new TreeMap<>(task.command().environment());
    env.putAll(d.options.env());
    env.putAll(TaskVariables.of(launch, Optional.empty()));

    Map<String, String> labels = new LinkedHashMap<>(d.options.labels());
    labels.put(FRAMEWORK_LABEL, launch.frameworkId().value());
    labels.put(TASK_LABEL, task.id().value());
    labels.put(AGENT_LABEL, launch.agentId().value());
    labels.put(CONTAINER_LABEL, launch.containerId().value());
    labels.put(OWNER_LABEL, owner);

    double cpus = task.resources().cpus();
    long shares = cpus > 0 ? Math.max(MIN_CPU_SHARES, Math.round(cpus * 1024)) : 0;
    long quota = cpus > 0 ? Math.max(MIN_CPU_QUOTA_MICROS, Math.round(cpus * CPU_PERIOD_MICROS)) : 0;
    long memory = Math.round(task.resources().mem() * MIB);
    return new DockerRunSpec(
        NAME_PREFIX + launch.containerId().value(),
        container.image(),
        d.reference,
        container.forcePullImage(),
        d.entrypoint,
        d.cmd,
        env,
        labels,
        d.ports,
        d.volumes,
        shares,
        quota,
        memory,
        d.options);
  }

  /** The parts every check decides, whether or not the task has a sandbox yet. */
  private record Decided(
      ImageReference reference,
      List<PortAssignment.Binding> ports,
      List<BindVolumes.Bind> volumes,
      ContainerOptions options,
      Optional<List<String>> entrypoint,
      List<String> cmd) {
    static Decided of(TaskInfo task, ContainerInfo container, Optional<Path> sandbox, DockerSettings settings) {
      ImageReference reference = ImageReference.parse(container.image());
      List<PortAssignment.Binding> ports = PortAssignment.assign(container.portMappings(), task.resources().ports());
      List<BindVolumes.Bind> volumes = BindVolumes.resolve(container.volumes(), sandbox, settings.volumeRoots());
      ContainerOptions options = ContainerOptions.parse(container.parameters(), settings.allowPrivileged());
      if (!ports.isEmpty() && options.network().filter(n -> !n.equals("bridge")).isPresent()) {
        throw new InvalidValueException("port mappings need the bridge network, not network=" + options.network().get());
      }
      CommandInfo command = task.command();
      if (command.isEmpty()) {
        return new Decided(reference, ports, volumes, options, options.entrypoint().map(List::of), List.of());
      }
      if (command.shell()) {
        if (options.entrypoint().isPresent()) {
          throw new InvalidValueException("a shell command runs under /bin/sh -c and cannot have an entrypoint parameter too");
        }
        return new Decided(reference, ports, volumes, options, Optional.of(List.of("/bin/sh", "-c")), List.of(command.value()));
      }
      List<String> argv = new ArrayList<>();
      argv.add(command.value().isEmpty() ? command.arguments().get(0) : command.value());
      argv.addAll(command.arguments().subList(Math.min(1, command.arguments().size()), command.arguments().size()));
      return new Decided(reference, ports, volumes, options, options.entrypoint().map(List::of), argv);
    }
  }
}
