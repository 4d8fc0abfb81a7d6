package io.drover.marathon.app;

import java.util.List;

/**
 * {@code container.docker}. {@code network} and {@code portMappings} are Marathon 1.4's legacy places
 * for the network mode and port mappings; they are accepted on input and moved to
 * {@code networks}/{@code container.portMappings} by {@link Container} and {@link AppDefinition}, so
 * definitions held by Drover always carry them as null.
 */
public record Docker(
    String image,
    Boolean forcePullImage,
    Boolean privileged,
    List<DockerParameter> parameters,
    String network,
    List<PortMapping> portMappings) {
  public Docker {
    forcePullImage = forcePullImage != null && forcePullImage;
    privileged = privileged != null && privileged;
    parameters = parameters == null ? List.of() : List.copyOf(parameters);
    portMappings = portMappings == null ? null : List.copyOf(portMappings);
  }

  public static Docker image(String image) {
    return new Docker(image, false, false, List.of(), null, null);
  }

  Docker withoutLegacyPortMappings() {
    return new Docker(image, forcePullImage, privileged, parameters, network, null);
  }

  Docker withoutLegacyNetwork() {
    return new Docker(image, forcePullImage, privileged, parameters, null, portMappings);
  }
}
