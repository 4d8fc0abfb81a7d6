package io.drover.marathon.api;

import io.drover.core.AgentId;
import io.drover.core.MasterInfo;
import java.util.Optional;

/** What the cluster proxy asks of the scheduling side: which master leads, and where a task runs. */
public interface ClusterDirectory {
  /** Knows no master and no task: for a marathon-app that does not schedule. */
  ClusterDirectory NONE =
      new ClusterDirectory() {
        @Override
        public Optional<MasterInfo> leadingMaster() {
          return Optional.empty();
        }

        @Override
        public Optional<AgentId> agentOf(String taskId) {
          return Optional.empty();
        }
      };

  /** The master this framework is subscribed to, as it announced itself; empty before the first subscription. */
  Optional<MasterInfo> leadingMaster();

  /** The agent a task of this framework was launched on (running, or an app's last failure); empty for a task it does not know. */
  Optional<AgentId> agentOf(String taskId);
}
