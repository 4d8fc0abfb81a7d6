package io.drover.agent.containerizer.docker;

import com.github.dockerjava.api.model.Capability;
import io.drover.core.ContainerInfo.Parameter;
import io.drover.core.InvalidValueException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a task's Docker parameters ({@code docker run} options as key and value) ask for. Only the
 * options below are understood; {@code privileged} and {@code cap-add} need an agent that allows them.
 */
record ContainerOptions(
    Map<String, String> labels,
    Map<String, String> env,
    Optional<String> user,
    Optional<String> workdir,
    Optional<String> hostname,
    Optional<String> entrypoint,
    List<String> addHosts,
    List<String> capAdd,
    List<String> capDrop,
    boolean privileged,
    boolean readOnly,
    Optional<String> network,
    Optional<Long> pidsLimit,
    Optional<Long> shmSizeBytes) {
  static final List<String> SUPPORTED =
      List.of("label", "env", "user", "workdir", "hostname", "entrypoint", "add-host", "cap-add", "cap-drop", "privileged", "read-only", "network", "pids-limit", "shm-size");
  private static final Set<String> NETWORKS = Set.of("bridge", "host", "none");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern CAPABILITY = Pattern.compile("[A-Z_]+");
  private static final Pattern SIZE = Pattern.compile("([0-9]+)([bkmg]?)");

  static ContainerOptions parse(List<Parameter> parameters, boolean allowPrivileged) {
    Map<String, String> labels = new LinkedHashMap<>();
    Map<String, String> env = new TreeMap<>();
    Map<String, String> single = new LinkedHashMap<>();
    List<String> addHosts = new ArrayList<>();
    List<String> capAdd = new ArrayList<>();
    List<String> capDrop = new ArrayList<>();
    for (Parameter p : parameters) {
      String key = p.key() == null ? "" : p.key().strip().replaceFirst("^--?", "");
      String value = p.value() == null ? "" : p.value();
      String which = "docker parameter '" + key + "=" + value + "'";
      switch (key) {
        case "label" -> {
          String[] kv = keyValue(which, value);
          if (kv[0].startsWith(DockerRunSpec.LABEL_PREFIX)) {
            throw new InvalidValueException(which + ": labels under " + DockerRunSpec.LABEL_PREFIX + " are the agent's");
          }
          labels.put(kv[0], kv[1]);
        }
        case "env" -> {
          String[] kv = keyValue(which, value);
          if (!ENV_NAME.matcher(kv[0]).matches()) {
            throw new InvalidValueException(which + ": '" + kv[0] + "' is not an environment variable name");
          }
          env.put(kv[0], kv[1]);
        }
        case "user", "workdir", "hostname", "entrypoint", "network", "pids-limit", "shm-size", "privileged", "read-only" -> {
          if (single.put(key, value) != null) {
            throw new InvalidValueException(which + ": '" + key + "' is given more than once");
          }
        }
        case "add-host" -> {
          if (!value.matches("[^:\\s]+:[0-9A-Fa-f.:]+")) {
            throw new InvalidValueException(which + ": not of the form host:ip");
          }
          addHosts.add(value);
        }
        case "cap-add", "cap-drop" -> {
          String cap = value.strip().toUpperCase(Locale.ROOT).replaceFirst("^CAP_", "");
          if (!CAPABILITY.matcher(cap).matches() || Arrays.stream(Capability.values()).noneMatch(c -> c.name().equals(cap))) {
            throw new InvalidValueException(which + ": '" + value + "' is not a capability name");
          }
          if (key.equals("cap-add") && !allowPrivileged) {
            throw new InvalidValueException(which + ": this agent does not allow added capabilities (it runs without --docker-allow-privileged)");
          }
          (key.equals("cap-add") ? capAdd : capDrop).add(cap);
        }
        default -> throw new InvalidValueException(which + ": '" + key + "' is not a supported docker parameter (supported: " + String.join(", ", SUPPORTED) + ")");
      }
    }
    boolean privileged = flag(single, "privileged");
    if (privileged && !allowPrivileged) {
      throw new InvalidValueException("docker parameter 'privileged': this agent does not run privileged containers (it runs without --docker-allow-privileged)");
    }
    Optional<String> network = Optional.ofNullable(single.get("network"));
    if (network.isPresent() && !NETWORKS.contains(network.get())) {
      throw new InvalidValueException("docker parameter 'network=" + network.get() + "': use bridge, host or none");
    }
    Optional<String> entrypoint = nonBlank(single, "entrypoint");
    return new ContainerOptions(
        labels,
        env,
        nonBlank(single, "user"),
        nonBlank(single, "workdir").map(w -> absolute("workdir", w)),
        nonBlank(single, "hostname"),
        entrypoint,
        addHosts,
        capAdd,
        capDrop,
        privileged,
        flag(single, "read-only"),
        network,
        Optional.ofNullable(single.get("pids-limit")).map(v -> number("pids-limit", v)),
        Optional.ofNullable(single.get("shm-size")).map(ContainerOptions::bytes));
  }

  private static String[] keyValue(String which, String value) {
    int eq = value.indexOf('=');
    if (eq <= 0) {
      throw new InvalidValueException(which + ": not of the form name=value");
    }
    return new String[] {value.substring(0, eq), value.substring(eq + 1)};
  }

  private static Optional<String> nonBlank(Map<String, String> single, String key) {
    String v = single.get(key);
    if (v != null && v.isBlank()) {
      throw new InvalidValueException("docker parameter '" + key + "' has no value");
    }
    return Optional.ofNullable(v);
  }

  private static boolean flag(Map<String, String> single, String key) {
    String v = single.get(key);
    if (v == null || v.equalsIgnoreCase("false")) {
      return false;
    }
    if (v.isEmpty() || v.equalsIgnoreCase("true")) {
      return true;
    }
    throw new InvalidValueException("docker parameter '" + key + "=" + v + "': use true or false");
  }

  private static String absolute(String key, String path) {
    if (!path.startsWith("/")) {
      throw new InvalidValueException("docker parameter '" + key + "=" + path + "': not an absolute path");
    }
    return path;
  }

  private static long number(String key, String v) {
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      throw new InvalidValueException("docker parameter '" + key + "=" + v + "': not a number");
    }
  }

  /** {@code 64m}-style sizes, as {@code docker run --shm-size} takes them. */
  private static long bytes(String v) {
    var m = SIZE.matcher(v.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new InvalidValueException("docker parameter 'shm-size=" + v + "': not a size such as 64m");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "k" -> n << 10;
      case "m" -> n << 20;
      case "g" -> n << 30;
      default -> n;
    };
  }
}
