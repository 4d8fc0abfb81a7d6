package io.drover.core;

import java.util.List;
import java.util.Map;

/** A Docker container for a task: image, engine parameters, port mappings and bind volumes. */
public record ContainerInfo(
    String image, boolean forcePullImage, List<Parameter> parameters, List<PortMapping> portMappings, List<Volume> volumes) {
  public ContainerInfo {
    if (image == null || image.isBlank()) {
      throw new InvalidValueException("container image must not be blank");
    }
    parameters = List.copyOf(parameters == null ? List.of() : parameters);
    portMappings = List.copyOf(portMappings == null ? List.of() : portMappings);
    volumes = List.copyOf(volumes == null ? List.of() : volumes);
  }

  public static ContainerInfo docker(String image) {
    return new ContainerInfo(image, false, List.of(), List.of(), List.of());
  }

  /** A {@code docker run} option given as key and value, such as {@code label=a=b}. */
  public record Parameter(String key, String value) {}

  /** Maps a host port (0: any port of the task's offered ports) to a port in the container. */
  public record PortMapping(int hostPort, int containerPort, String protocol, String name, Map<String, String> labels) {
    public PortMapping {
      protocol = protocol == null || protocol.isBlank() ? "tcp" : protocol;
      name = name == null ? "" : name;
      labels = Map.copyOf(labels == null ? Map.of() : labels);
    }
  }

  /** A bind mount of a host path into the container. */
  public record Volume(String hostPath, String containerPath, boolean readOnly) {}
}
