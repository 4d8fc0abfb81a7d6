package io.drover.agent.containerizer.docker;

import io.drover.core.InvalidValueException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the agent finds its Docker engine and what Docker tasks may ask of the host.
 *
 * @param host the engine's address: {@code --docker-socket}, else {@code DOCKER_HOST}, else {@link #DEFAULT_HOST}
 * @param volumeRoots the host directories under which absolute volume host paths must lie ({@code
 *     --docker-volume-roots}); none: only sandbox-relative volumes
 * @param allowPrivileged whether tasks may ask for {@code privileged} or {@code cap-add} ({@code --docker-allow-privileged})
 */
public record DockerSettings(URI host, List<Path> volumeRoots, boolean allowPrivileged) {
  public static final URI DEFAULT_HOST = URI.create("unix:///var/run/docker.sock");

  public DockerSettings {
    if (host == null || host.getScheme() == null || !List.of("unix", "tcp").contains(host.getScheme())) {
      throw new InvalidValueException("the Docker engine address '" + host + "' is neither unix:///path nor tcp://host:port");
    }
    for (Path root : volumeRoots) {
      if (!root.isAbsolute()) {
        throw new InvalidValueException("--docker-volume-roots: '" + root + "' is not an absolute path");
      }
    }
    volumeRoots = volumeRoots.stream().map(Path::normalize).toList();
  }

  /** The engine named by {@code DOCKER_HOST} (else the default socket), no volume roots, nothing privileged. */
  public static DockerSettings defaults(Map<String, String> environment) {
    String fromEnvironment = environment.get("DOCKER_HOST");
    return new DockerSettings(
        fromEnvironment == null || fromEnvironment.isBlank() ? DEFAULT_HOST : parseHost(fromEnvironment), List.of(), false);
  }

  /** Reads {@code --docker-socket}: {@code unix:///path}, {@code tcp://host:port}, or a bare socket path. */
  public static URI parseHost(String text) {
    String t = text.strip();
    try {
      return t.startsWith("/") ? new URI("unix", null, t, null) : new URI(t);
    } catch (java.net.URISyntaxException e) {
      throw new InvalidValueException("--docker-socket '" + text + "' is not an address: " + e.getMessage());
    }
  }

  /** Reads {@code --docker-volume-roots}: absolute paths separated by ',' or ':'. */
  public static List<Path> parseVolumeRoots(String text) {
    List<Path> roots = new ArrayList<>();
    for (String part : text.split("[,:]")) {
      if (!part.isBlank()) {
        roots.add(Path.of(part.strip()));
      }
    }
    return roots;
  }

  public DockerSettings withHost(URI value) {
    return new DockerSettings(value, volumeRoots, allowPrivileged);
  }

  public DockerSettings withVolumeRoots(List<Path> value) {
    return new DockerSettings(host, value, allowPrivileged);
  }

  public DockerSettings withAllowPrivileged(boolean value) {
    return new DockerSettings(host, volumeRoots, value);
  }
}
