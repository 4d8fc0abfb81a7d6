package io.drover.agent;

import io.drover.core.AgentId;
import io.drover.core.CommandInfo;
import io.drover.core.ContainerInfo;
import io.drover.core.Resources;
import io.drover.core.TaskId;
import io.drover.core.TaskInfo;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Task descriptions for tests. */
public final class Tasks {
  public static final AgentId AGENT = AgentId.of("agent-1");
  public static final Resources SMALL = Resources.parse("cpus:0.1;mem:32;ports:[31005-31006]");

  private Tasks() {}

  public static TaskInfo shell(String id, String command) {
    return shell(id, command, TaskInfo.DEFAULT_KILL_GRACE_PERIOD);
  }

  public static TaskInfo shell(String id, String command, Duration killGrace) {
    return new TaskInfo(TaskId.of(id), id, AGENT, SMALL, CommandInfo.shell(command), Optional.empty(), Optional.empty(), killGrace, Map.of());
  }

  public static TaskInfo docker(String id) {
    return new TaskInfo(TaskId.of(id), id, AGENT, SMALL, CommandInfo.shell(""), Optional.of(ContainerInfo.docker("busybox")), Optional.empty(), null, Map.of());
  }
}
