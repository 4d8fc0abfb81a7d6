package io.drover.agent;

import io.drover.agent.task.TaskView;
import io.drover.core.AgentId;
import io.drover.core.AgentInfo;
import io.drover.core.FrameworkInfo;
import io.drover.core.MasterInfo;
import java.util.List;
import java.util.Optional;

/**
 * What the agent is and does at one moment, as its {@code /state} shows it: {@code tasks} are those it
 * still knows, {@code completedTasks} those it forgot and whose sandboxes it keeps, oldest first.
 */
public record AgentState(
    Optional<AgentId> id, AgentInfo info, Optional<MasterInfo> master, boolean registered, List<FrameworkInfo> frameworks, List<TaskView> tasks, List<TaskView> completedTasks) {
  public AgentState {
    frameworks = List.copyOf(frameworks);
    tasks = List.copyOf(tasks);
    completedTasks = List.copyOf(completedTasks);
  }
}
