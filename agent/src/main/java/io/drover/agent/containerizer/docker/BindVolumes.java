package io.drover.agent.containerizer.docker;

import io.drover.core.ContainerInfo.Volume;
import io.drover.core.InvalidValueException;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides the host directory of each bind volume. A relative host path lies in the task's sandbox (and
 * may not leave it). An absolute one must exist and, with its links resolved, lie under one of the
 * agent's volume roots, so that a task cannot mount what the operator did not share.
 */
final class BindVolumes {
  private BindVolumes() {}

  /** A bind mount as the engine gets it. */
  record Bind(Path hostPath, String containerPath, boolean readOnly, boolean inSandbox) {}

  /**
   * @param sandbox the run's sandbox; empty when the task is only being checked, before it has one
   */
  static List<Bind> resolve(List<Volume> volumes, Optional<Path> sandbox, List<Path> roots) {
    List<Bind> out = new ArrayList<>();
    Set<String> containerPaths = new HashSet<>();
    for (int i = 0; i < volumes.size(); i++) {
      Volume v = volumes.get(i);
      String which = "volume " + (i + 1) + " (" + v.hostPath() + " -> " + v.containerPath() + ")";
      String containerPath = containerPath(which, v.containerPath());
      if (!containerPaths.add(containerPath)) {
        throw new InvalidValueException(which + ": container path " + containerPath + " is mounted twice");
      }
      out.add(new Bind(hostPath(which, v.hostPath(), sandbox, roots), containerPath, v.readOnly(), !isAbsolute(v.hostPath())));
    }
    return out;
  }

  private static String containerPath(String which, String text) {
    if (text == null || !text.startsWith("/")) {
      throw new InvalidValueException(which + ": container path '" + text + "' is not absolute");
    }
    checkCharacters(which, "container path", text);
    String normalized = Path.of(text).normalize().toString();
    if (normalized.equals("/")) {
      throw new InvalidValueException(which + ": the container's root cannot be a volume");
    }
    return normalized;
  }

  private static Path hostPath(String which, String text, Optional<Path> sandbox, List<Path> roots) {
    if (text == null || text.isBlank()) {
      throw new InvalidValueException(which + ": the host path is empty");
    }
    checkCharacters(which, "host path", text);
    if (!isAbsolute(text)) {
      Path relative = Path.of(text).normalize();
      if (relative.startsWith("..") || relative.toString().isEmpty()) {
        throw new InvalidValueException(which + ": host path '" + text + "' leaves the task's sandbox");
      }
      return sandbox.map(s -> s.resolve(relative)).orElse(relative);
    }
    if (roots.isEmpty()) {
      throw new InvalidValueException(which + ": this agent allows no absolute volume host paths (it has no --docker-volume-roots)");
    }
    Path real;
    try {
      real = Path.of(text).toRealPath();
    } catch (NoSuchFileException e) {
      throw new InvalidValueException(which + ": host path " + text + " does not exist");
    } catch (IOException | InvalidPathException e) {
      throw new InvalidValueException(which + ": host path " + text + " cannot be resolved: " + e.getMessage());
    }
    for (Path root : roots) {
      if (real.startsWith(realOrSelf(root))) {
        return real;
      }
    }
    String really = real.toString().equals(Path.of(text).normalize().toString()) ? "" : " (really " + real + ")";
    throw new InvalidValueException(which + ": host path " + text + really + " is outside the agent's volume roots " + roots);
  }

  private static Path realOrSelf(Path root) {
    try {
      return root.toRealPath();
    } catch (IOException e) {
      return root;
    }
  }

  private static boolean isAbsolute(String path) {
    return path.startsWith("/");
  }

  /** The engine reads binds as {@code host:container[:mode]}: a ':' or ',' would change their meaning. */
  private static void checkCharacters(String which, String what, String path) {
    if (path.contains(":") || path.contains(",") || path.indexOf('\0') >= 0) {
      throw new InvalidValueException(which + ": the " + what + " '" + path + "' holds ':', ',' or NUL");
    }
  }
}
