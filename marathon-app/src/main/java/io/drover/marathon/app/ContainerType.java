package io.drover.marathon.app;

/** The containerizer an app's container asks for; Drover runs {@code DOCKER} with the Docker engine. */
public enum ContainerType {
  DOCKER,
  MESOS
}
