package io.drover.agent.containerizer.command;

import io.drover.agent.containerizer.ContainerLaunch;
import io.drover.core.ValueRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment a task runs with: the agent's own, then the task's CommandInfo environment, then the
 * variables the agent always sets (they win, so a task cannot misdirect the agent's wrapper):
 * DROVER_TASK_ID, DROVER_FRAMEWORK_ID, DROVER_AGENT_ID, DROVER_CONTAINER_ID, DROVER_SANDBOX, HOST, and for
 * the task's port resources PORT0..PORTn, PORT (= PORT0) and PORTS (comma-separated).
 */
final class TaskEnvironment {
  private TaskEnvironment() {}

  static Map<String, String> of(Map<String, String> agentEnvironment, ContainerLaunch launch) {
    Map<String, String> env = new TreeMap<>(agentEnvironment);
    env.putAll(launch.task().command().environment());
    env.put("DROVER_TASK_ID", launch.task().id().value());
    env.put("DROVER_FRAMEWORK_ID", launch.frameworkId().value());
    env.put("DROVER_AGENT_ID", launch.agentId().value());
    env.put("DROVER_CONTAINER_ID", launch.containerId().value());
    env.put("DROVER_SANDBOX", launch.sandbox().toAbsolutePath().toString());
    env.put("HOST", launch.hostname());
    List<String> ports = new ArrayList<>();
    for (ValueRange range : launch.task().resources().ports().ranges()) {
      for (long port = range.begin(); port <= range.end(); port++) {
        env.put("PORT" + ports.size(), Long.toString(port));
        ports.add(Long.toString(port));
      }
    }
    if (!ports.isEmpty()) {
      env.put("PORT", ports.get(0));
      env.put("PORTS", String.join(",", ports));
    }
    return env;
  }
}
