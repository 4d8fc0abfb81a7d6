package io.drover.dist;

import io.drover.agent.AgentConfig;
import io.drover.agent.containerizer.docker.DockerSettings;
import picocli.CommandLine.Option;

/** The agent's Docker flags, shared by {@code drover agent} and {@code drover local}. */
final class DockerFlags {
  @Option(
      names = "--docker-socket",
      description = "Docker engine the agent runs Docker tasks on: unix:///path, tcp://host:port or a socket path (default: $DOCKER_HOST, else unix:///var/run/docker.sock)")
  String socket;

  @Option(names = "--docker-volume-roots", description = "Host directories (separated by ',') under which Docker tasks may mount absolute host paths (default: none)")
  String volumeRoots;

  @Option(names = "--docker-allow-privileged", description = "Let Docker tasks ask for 'privileged' and 'cap-add' parameters")
  boolean allowPrivileged;

  AgentConfig applyTo(AgentConfig config) {
    DockerSettings docker = config.docker().withAllowPrivileged(allowPrivileged);
    if (socket != null) {
      docker = docker.withHost(DockerSettings.parseHost(socket));
    }
    if (volumeRoots != null) {
      docker = docker.withVolumeRoots(DockerSettings.parseVolumeRoots(volumeRoots));
    }
    return config.withDocker(docker);
  }
}
