package io.drover.marathon.api;

import io.drover.core.AgentId;
import io.drover.core.InvalidValueException;
import io.drover.core.MasterInfo;
import io.drover.marathon.instance.Instance;
import io.drover.marathon.instance.InstanceId;
import io.drover.marathon.scheduling.SchedulingService;
import java.util.Optional;

/** The cluster proxy's directory, as the scheduling side knows it: its subscription and its instances. */
public final class SchedulingClusterDirectory implements ClusterDirectory {
  private final SchedulingService scheduling;

  public SchedulingClusterDirectory(SchedulingService scheduling) {
    this.scheduling = scheduling;
  }

  @Override
  public Optional<MasterInfo> leadingMaster() {
    return scheduling.subscribedMaster();
  }

  @Override
  public Optional<AgentId> agentOf(String taskId) {
    try {
      return scheduling.instances().get(new InstanceId(taskId)).map(Instance::agentId);
    } catch (InvalidValueException notAnInstanceId) {
      return Optional.empty();
    }
  }
}
