package io.drover.sdk.placement;

import io.drover.core.AgentId;
import java.util.List;

/** What already runs where, as the framework knows it: what spreading and constraints look at. */
public interface RunningTasks {
  /** Nothing runs anywhere yet. */
  RunningTasks NONE =
      new RunningTasks() {
        @Override
        public int count(AgentId agentId, String group) {
          return 0;
        }

        @Override
        public int total(AgentId agentId) {
          return 0;
        }

        @Override
        public List<TaskSite> sites(String group) {
          return List.of();
        }
      };

  /** Tasks of {@code group} on the agent. */
  int count(AgentId agentId, String group);

  /** Tasks of every group on the agent. */
  int total(AgentId agentId);

  /** Where the tasks of {@code group} run: one entry per task. */
  List<TaskSite> sites(String group);
}
