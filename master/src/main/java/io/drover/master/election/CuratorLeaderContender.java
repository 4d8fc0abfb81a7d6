package io.drover.master.election;

import io.drover.core.MasterInfo;
import io.drover.master.MasterPaths;
import io.drover.protocol.coordination.ElectionListener;
import io.drover.protocol.coordination.ElectionSettings;
import io.drover.protocol.coordination.EpochLeaderElection;
import io.drover.protocol.net.MasterInfoJson;
import java.time.Duration;
import org.apache.curator.framework.CuratorFramework;

/**
 * The masters' election: an {@link EpochLeaderElection} under the {@link MasterPaths}, whose winner
 * publishes its {@link MasterInfo} (with the epoch it won) as the leader znode.
 *
 * <p>The client should use Curator's {@code SessionConnectionStateErrorPolicy}, so that the latch itself
 * only gives up on a lost session and the election applies the grace to suspensions. The listener is
 * called on the election's own thread.
 */
public final class CuratorLeaderContender implements LeaderContender {
  private final EpochLeaderElection election;

  /** {@code self.epoch()} is ignored: each term gets the epoch it wins. */
  public CuratorLeaderContender(
      CuratorFramework client, MasterPaths paths, MasterInfo self, Duration suspendedGrace, LeadershipListener listener) {
    ElectionSettings settings =
        new ElectionSettings(
            "master",
            self.id(),
            paths.election(),
            paths.epoch(),
            paths.leader(),
            epoch -> MasterInfoJson.write(new MasterInfo(self.id(), self.host(), self.protocolPort(), self.httpPort(), epoch, self.version())),
            suspendedGrace,
            "leader-election-" + self.id());
    this.election =
        new EpochLeaderElection(
            client,
            settings,
            ElectionListener.of(term -> listener.elected(new Leadership(term.epoch(), term.epochVersion())), listener::deposed));
  }

  @Override
  public void start() {
    election.start();
  }

  @Override
  public void abdicate(String reason) {
    election.abdicate(reason);
  }

  @Override
  public void close() {
    election.close();
  }
}
