package io.drover.marathon.scheduling;

import io.drover.core.ContainerInfo;
import io.drover.core.InvalidValueException;
import java.util.List;

/** An app's Docker container, less its port mappings (which are among the app's {@link PortSpec}s). */
public record DockerSpec(String image, boolean forcePullImage, List<ContainerInfo.Parameter> parameters, List<ContainerInfo.Volume> volumes) {
  public DockerSpec {
    if (image == null || image.isBlank()) {
      throw new InvalidValueException("a Docker container needs an image");
    }
    parameters = List.copyOf(parameters == null ? List.of() : parameters);
    volumes = List.copyOf(volumes == null ? List.of() : volumes);
  }

  public static DockerSpec of(String image) {
    return new DockerSpec(image, false, List.of(), List.of());
  }
}
