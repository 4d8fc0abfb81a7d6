package io.drover.marathon.api;

import io.drover.marathon.instance.InstanceId;
import io.drover.marathon.instance.KillMode;
import io.drover.marathon.launch.LaunchQueue;
import io.drover.marathon.launch.QueueEntry;
import io.drover.marathon.scheduling.AppScheduling;
import java.util.Collection;
import java.util.List;

/** {@link InstanceControl} over the scheduler and its launch queue. */
public final class SchedulerInstanceControl implements InstanceControl {
  private final AppScheduling scheduling;
  private final LaunchQueue queue;

  public SchedulerInstanceControl(AppScheduling scheduling, LaunchQueue queue) {
    this.scheduling = scheduling;
    this.queue = queue;
  }

  @Override
  public List<QueueEntry> queue() {
    return queue.entries();
  }

  @Override
  public void resetDelay(String appId) {
    scheduling.resetDelay(appId);
  }

  @Override
  public void kill(Collection<InstanceId> instanceIds, KillMode mode) {
    scheduling.kill(instanceIds, mode);
  }
}
