package io.drover.agent.health;

import io.drover.agent.containerizer.docker.MappedHostPorts;
import io.drover.core.TaskInfo;
import io.drover.core.ValueRange;
import java.util.ArrayList;
import java.util.List;

/**
 * The host ports a health check's {@code portIndex} counts through: a Docker task's mapped host ports in
 * its mappings' order, else the task's port resources in order (as PORT0..n are assigned).
 */
public final class TaskPorts {
  private TaskPorts() {}

  public static List<Integer> of(TaskInfo task) {
    if (task.container().isPresent() && !task.container().get().portMappings().isEmpty()) {
      return MappedHostPorts.of(task.container().get(), task.resources().ports());
    }
    List<Integer> ports = new ArrayList<>();
    for (ValueRange range : task.resources().ports().ranges()) {
      for (long port = range.begin(); port <= range.end(); port++) {
        ports.add((int) port);
      }
    }
    return ports;
  }
}
