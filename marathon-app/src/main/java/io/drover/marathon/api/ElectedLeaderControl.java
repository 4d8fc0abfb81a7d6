package io.drover.marathon.api;

import io.drover.marathon.storage.LeaderInfo;
import io.drover.marathon.storage.MarathonLeadership;
import java.util.Optional;

/** {@link LeaderControl} over marathon-app's election in ZooKeeper. */
public final class ElectedLeaderControl implements LeaderControl {
  private final MarathonLeadership leadership;

  public ElectedLeaderControl(MarathonLeadership leadership) {
    this.leadership = leadership;
  }

  @Override
  public boolean isLeader() {
    return leadership.term().isPresent();
  }

  @Override
  public Optional<LeaderInfo> leader() {
    return leadership.currentLeader();
  }

  @Override
  public void abdicate(String reason) {
    leadership.abdicate(reason);
  }
}
