package io.drover.marathon.storage;

import io.drover.marathon.app.MarathonJson;
import io.drover.protocol.coordination.ElectedTerm;
import io.drover.protocol.coordination.ElectionListener;
import io.drover.protocol.coordination.ElectionSettings;
import io.drover.protocol.coordination.EpochLeaderElection;
import java.time.Duration;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;

/**
 * marathon-app's leader election: an {@link EpochLeaderElection} under {@code <root>/marathon/election},
 * numbering terms by {@code <root>/marathon/epoch}, whose winner publishes its {@link LeaderInfo} as the
 * ephemeral {@code <root>/marathon/leader} and only then tells the {@link Listener}.
 *
 * <p>A leader stops leading when its latch or session is lost, when the connection stays suspended
 * longer than the grace period, and when asked to {@link #abdicate}; it then joins the election again at
 * the back. The listener is called on the election's own thread.
 */
public final class MarathonLeadership implements AutoCloseable {
  /** Told when this process starts and stops leading; calls come one at a time, in order. */
  public interface Listener {
    void elected(MarathonTerm term);

    /** Stop acting as the leader at once. */
    void deposed(String reason);
  }

  private final CuratorFramework client;
  private final MarathonPaths paths;
  private final EpochLeaderElection election;

  /** {@code self.epoch()} is ignored: each term publishes the epoch it won. */
  public MarathonLeadership(CuratorFramework client, MarathonPaths paths, LeaderInfo self, Duration suspendedGrace, Listener listener) {
    this.client = client;
    this.paths = paths;
    ElectionSettings settings =
        new ElectionSettings(
            "marathon-app",
            self.id(),
            paths.election(),
            paths.epoch(),
            paths.leader(),
            epoch -> MarathonJson.mapper().writeValueAsBytes(new LeaderInfo(self.id(), self.host(), self.httpPort(), epoch)),
            suspendedGrace,
            "marathon-election-" + self.id());
    this.election =
        new EpochLeaderElection(
            client,
            settings,
            ElectionListener.of(term -> listener.elected(asMarathonTerm(term)), listener::deposed));
  }

  public void start() {
    election.start();
  }

  /** The current term if this process leads. */
  public Optional<MarathonTerm> term() {
    return election.term().map(MarathonLeadership::asMarathonTerm);
  }

  /** Who leads now, as published in ZooKeeper (possibly this process). */
  public Optional<LeaderInfo> currentLeader() {
    try {
      byte[] data = client.getData().forPath(paths.leader());
      return Optional.of(MarathonJson.mapper().readValue(data, LeaderInfo.class));
    } catch (KeeperException.NoNodeException e) {
      return Optional.empty();
    } catch (Exception e) {
      throw new StorageException("cannot read " + paths.leader() + ": " + e.getMessage(), e);
    }
  }

  /** Steps down (if leading) and joins the election again, as {@code DELETE /v2/leader} asks. */
  public void abdicate(String reason) {
    election.abdicate(reason);
  }

  @Override
  public void close() {
    election.close();
  }

  private static MarathonTerm asMarathonTerm(ElectedTerm term) {
    return new MarathonTerm(term.epoch(), term.epochVersion());
  }
}
