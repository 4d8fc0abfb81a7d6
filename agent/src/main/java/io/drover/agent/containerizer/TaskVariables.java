package io.drover.agent.containerizer;

import io.drover.core.ValueRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The variables the agent sets for every task, whatever runs it: DROVER_TASK_ID, DROVER_FRAMEWORK_ID,
 * DROVER_AGENT_ID, DROVER_CONTAINER_ID, HOST, DROVER_SANDBOX when the task sees its sandbox at that path,
 * and for the task's port resources PORT0..PORTn, PORT (= PORT0) and PORTS (comma-separated).
 */
public final class TaskVariables {
  private TaskVariables() {}

  public static Map<String, String> of(ContainerLaunch launch, Optional<String> sandboxAsSeen) {
    Map<String, String> env = new TreeMap<>();
    env.put("DROVER_TASK_ID", launch.task().id().value());
    env.put("DROVER_FRAMEWORK_ID", launch.frameworkId().value());
    env.put("DROVER_AGENT_ID", launch.agentId().value());
    env.put("DROVER_CONTAINER_ID", launch.containerId().value());
    sandboxAsSeen.ifPresent(path -> env.put("DROVER_SANDBOX", path));
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
