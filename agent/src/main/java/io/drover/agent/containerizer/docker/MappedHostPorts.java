package io.drover.agent.containerizer.docker;

import io.drover.core.ContainerInfo;
import io.drover.core.Ranges;
import java.util.LinkedHashSet;
import java.util.List;

/** The host port each of a Docker task's port mappings gets, in the mappings' order (as the container is run with them). */
public final class MappedHostPorts {
  private MappedHostPorts() {}

  /** Throws {@link io.drover.core.InvalidValueException} for mappings the containerizer refuses. */
  public static List<Integer> of(ContainerInfo container, Ranges taskPorts) {
    // A tcp,udp mapping yields one binding per protocol on the same host port; mappings never share one.
    LinkedHashSet<Integer> hostPorts = new LinkedHashSet<>();
    PortAssignment.assign(container.portMappings(), taskPorts).forEach(b -> hostPorts.add(b.hostPort()));
    return List.copyOf(hostPorts);
  }
}
