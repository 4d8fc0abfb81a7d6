package io.drover.marathon.app;

import java.util.List;

/**
 * {@code container}: the Docker image and how its ports and volumes are wired. Port mappings given in
 * the legacy {@code container.docker.portMappings} are moved here; {@link AppDefinition} turns the legacy
 * {@code container.docker.network} into {@code networks}.
 */
public record Container(ContainerType type, Docker docker, List<PortMapping> portMappings, List<Volume> volumes) {
  public Container {
    type = type == null ? ContainerType.DOCKER : type;
    if (portMappings == null && docker != null && docker.portMappings() != null) {
      portMappings = docker.portMappings();
    }
    portMappings = portMappings == null ? null : List.copyOf(portMappings);
    volumes = volumes == null ? List.of() : List.copyOf(volumes);
    docker = docker == null || docker.portMappings() == null ? docker : docker.withoutLegacyPortMappings();
  }

  /** The network mode named the Marathon 1.4 way in {@code container.docker.network}, if any. */
  String legacyNetwork() {
    return docker == null ? null : docker.network();
  }

  Container withoutLegacyNetwork() {
    return docker == null || docker.network() == null
        ? this
        : new Container(type, docker.withoutLegacyNetwork(), portMappings, volumes);
  }

  public static Container docker(Docker docker, List<PortMapping> portMappings) {
    return new Container(ContainerType.DOCKER, docker, portMappings, List.of());
  }
}
