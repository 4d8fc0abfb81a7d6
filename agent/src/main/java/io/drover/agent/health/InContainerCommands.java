package io.drover.agent.health;

import io.drover.agent.containerizer.ContainerLaunch;

/** Makes the probe that runs a COMMAND health check inside a task's container. */
public interface InContainerCommands {
  HealthProbe probe(ContainerLaunch launch, String command);
}
