package io.drover.marathon.api;

import io.drover.marathon.instance.InstanceId;
import io.drover.marathon.instance.KillMode;
import io.drover.marathon.launch.QueueEntry;
import java.util.Collection;
import java.util.List;

/** What the API asks of the scheduling side beyond status: the launch queue and kills. */
public interface InstanceControl {
  /** What waits to be launched, per app version. */
  List<QueueEntry> queue();

  /** Lets the app's launches go ahead now, whatever its backoff said. */
  void resetDelay(String appId);

  /** Kills instances; {@code mode} says whether and when each is replaced. */
  void kill(Collection<InstanceId> instanceIds, KillMode mode);
}
