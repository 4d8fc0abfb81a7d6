package io.drover.marathon.api;

import io.drover.marathon.storage.LeaderInfo;
import java.util.Optional;

/** What the API needs to know and do about marathon-app's leadership. */
public interface LeaderControl {
  /** True while this instance leads (its API answers itself; standbys forward to the leader). */
  boolean isLeader();

  /** The leader as published in ZooKeeper, if there is one. */
  Optional<LeaderInfo> leader();

  /** Steps down and joins the election again. */
  void abdicate(String reason);
}
