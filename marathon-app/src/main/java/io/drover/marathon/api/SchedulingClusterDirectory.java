package io.drover.marathon.api;

import io.drover.core.AgentId;
import io.drover.core.InvalidValueException;
import io.drover.core.MasterInfo;
import io.drover.marathon.app.PathId;
import io.drover.marathon.app.TaskFailure;
import io.drover.marathon.instance.Instance;
import io.drover.marathon.instance.InstanceId;
import io.drover.marathon.scheduling.SchedulingService;
import java.util.Optional;

/**
 * The cluster proxy's directory, as the scheduling side knows it: its subscription, its instances, and
 * the task of each app's last failure (gone from the instances, but its sandbox is still on its agent).
 */
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
    InstanceId instance;
    try {
      instance = new InstanceId(taskId);
    } catch (InvalidValueException notAnInstanceId) {
      return Optional.empty();
    }
    Optional<AgentId> live = scheduling.instances().get(instance).map(Instance::agentId);
    return live.isPresent() ? live : lastFailureAgent(instance);
  }

  private Optional<AgentId> lastFailureAgent(InstanceId instance) {
    PathId appId;
    try {
      appId = PathId.parse(instance.appId());
    } catch (InvalidValueException notAnAppId) {
      return Optional.empty();
    }
    return scheduling
        .statusSource()
        .lastTaskFailure(appId)
        .filter(failure -> failure.taskId().equals(instance.value()))
        .map(TaskFailure::slaveId)
        .filter(slaveId -> !slaveId.isBlank())
        .map(AgentId::of);
  }
}
