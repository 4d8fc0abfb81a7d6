package io.drover.marathon.storage;

import io.drover.marathon.app.MarathonJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * marathon-app's leader election: a Curator {@link LeaderLatch} under {@code <root>/marathon/election}.
 * The winner bumps {@code <root>/marathon/epoch} with a versioned write (no two terms share an epoch),
 * publishes itself as the ephemeral {@code <root>/marathon/leader} in a multi-op fenced on that epoch,
 * and only then tells the {@link Listener}.
 *
 * <p>A leader stops leading when its latch or session is lost, when the connection stays suspended
 * longer than the grace period (it can no longer know whether another was elected), and when asked to
 * {@link #abdicate}; it then joins the election again at the back. Everything happens on the election's
 * own thread, which is also where the listener is called.
 */
public final class MarathonLeadership implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MarathonLeadership.class);

  /** Told when this process starts and stops leading; calls come one at a time, in order. */
  public interface Listener {
    void elected(MarathonTerm term);

    /** Stop acting as the leader at once. */
    void deposed(String reason);
  }

  private final CuratorFramework client;
  private final MarathonPaths paths;
  private final LeaderInfo self;
  private final Duration suspendedGrace;
  private final Listener listener;
  private final ScheduledExecutorService thread;
  private final ConnectionStateListener connectionListener = (c, state) -> connectionChanged(state);

  // Confined to the election thread, except term, which readers on other threads only look at.
  private LeaderLatch latch;
  private volatile MarathonTerm term;
  private ScheduledFuture<?> suspendedTimeout;
  private boolean closed;

  /** {@code self.epoch()} is ignored: each term publishes the epoch it won. */
  public MarathonLeadership(CuratorFramework client, MarathonPaths paths, LeaderInfo self, Duration suspendedGrace, Listener listener) {
    this.client = client;
    this.paths = paths;
    this.self = self;
    this.suspendedGrace = suspendedGrace;
    this.listener = listener;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "marathon-election-" + self.id());
              t.setDaemon(true);
              return t;
            });
  }

  public void start() {
    thread.execute(
        () -> {
          client.getConnectionStateListenable().addListener(connectionListener, thread);
          joinElection();
        });
  }

  /** The current term if this process leads. */
  public Optional<MarathonTerm> term() {
    return Optional.ofNullable(term);
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
    thread.execute(() -> rejoin(reason));
  }

  private void joinElection() {
    LeaderLatch candidate = new LeaderLatch(client, paths.election(), self.id());
    latch = candidate;
    candidate.addListener(
        new LeaderLatchListener() {
          @Override
          public void isLeader() {
            if (latch == candidate && !closed) {
              takeOffice(candidate);
            }
          }

          @Override
          public void notLeader() {
            if (latch == candidate) {
              stepDown("lost the leader latch");
            }
          }
        },
        thread);
    try {
      candidate.start();
    } catch (Exception e) {
      throw new StorageException("cannot join the marathon-app election: " + e.getMessage(), e);
    }
  }

  private void takeOffice(LeaderLatch candidate) {
    try {
      MarathonTerm won = bumpEpoch();
      publish(won);
      if (!candidate.hasLeadership()) {
        return;
      }
      term = won;
      LOG.info("marathon-app {} leads with epoch {}", self.id(), won.epoch());
      listener.elected(won);
    } catch (Exception e) {
      LOG.warn("marathon-app {} won the election but could not take office: {}", self.id(), e.toString());
      rejoin("could not take office: " + e.getMessage());
    }
  }

  private MarathonTerm bumpEpoch() throws Exception {
    while (true) {
      Stat stat = new Stat();
      long current;
      try {
        String text = new String(client.getData().storingStatIn(stat).forPath(paths.epoch()), StandardCharsets.UTF_8).strip();
        current = text.isEmpty() ? 0 : Long.parseLong(text);
      } catch (KeeperException.NoNodeException e) {
        try {
          client.create().creatingParentContainersIfNeeded().forPath(paths.epoch(), "0".getBytes(StandardCharsets.UTF_8));
        } catch (KeeperException.NodeExistsException raced) {
          // Another contender created it: read it again.
        }
        continue;
      }
      try {
        byte[] next = Long.toString(current + 1).getBytes(StandardCharsets.UTF_8);
        Stat written = client.setData().withVersion(stat.getVersion()).forPath(paths.epoch(), next);
        return new MarathonTerm(current + 1, written.getVersion());
      } catch (KeeperException.BadVersionException raced) {
        // The epoch moved between reading and writing: start over from its new value.
      }
    }
  }

  private void publish(MarathonTerm won) throws Exception {
    byte[] info = MarathonJson.mapper().writeValueAsBytes(new LeaderInfo(self.id(), self.host(), self.httpPort(), won.epoch()));
    List<CuratorOp> ops = new ArrayList<>();
    ops.add(client.transactionOp().check().withVersion(won.epochVersion()).forPath(paths.epoch()));
    if (client.checkExists().forPath(paths.leader()) != null) {
      // The node of a predecessor whose session has not expired yet: the new leader replaces it.
      ops.add(client.transactionOp().delete().forPath(paths.leader()));
    }
    ops.add(client.transactionOp().create().withMode(CreateMode.EPHEMERAL).forPath(paths.leader(), info));
    client.transaction().forOperations(ops);
  }

  private void connectionChanged(ConnectionState state) {
    if (state == ConnectionState.SUSPENDED && term != null && suspendedTimeout == null) {
      LOG.warn("ZooKeeper connection suspended; stepping down unless it is back within {} ms", suspendedGrace.toMillis());
      suspendedTimeout =
          thread.schedule(
              () -> rejoin("ZooKeeper connection suspended for more than " + suspendedGrace.toMillis() + " ms"),
              suspendedGrace.toMillis(),
              TimeUnit.MILLISECONDS);
    } else if (state == ConnectionState.RECONNECTED) {
      cancelSuspendedTimeout();
    } else if (state == ConnectionState.LOST) {
      rejoin("ZooKeeper session lost");
    }
  }

  private void cancelSuspendedTimeout() {
    if (suspendedTimeout != null) {
      suspendedTimeout.cancel(false);
      suspendedTimeout = null;
    }
  }

  private void stepDown(String reason) {
    cancelSuspendedTimeout();
    MarathonTerm ending = term;
    if (ending != null) {
      term = null;
      LOG.warn("marathon-app {} stops leading (epoch {}): {}", self.id(), ending.epoch(), reason);
      listener.deposed(reason);
    }
  }

  private void rejoin(String reason) {
    removeLeaderNode();
    stepDown(reason);
    leaveElection();
    if (!closed) {
      joinElection();
    }
  }

  private void leaveElection() {
    if (latch != null) {
      LeaderLatch old = latch;
      latch = null;
      try {
        old.close();
      } catch (Exception e) {
        LOG.debug("Closing the leader latch: {}", e.toString());
      }
    }
  }

  /** Removes the leader node if it is still this term's, so that followers notice at once. */
  private void removeLeaderNode() {
    MarathonTerm current = term;
    if (current == null) {
      return;
    }
    try {
      client.transaction()
          .forOperations(
              client.transactionOp().check().withVersion(current.epochVersion()).forPath(paths.epoch()),
              client.transactionOp().delete().forPath(paths.leader()));
    } catch (Exception e) {
      LOG.debug("Leader node not removed: {}", e.toString());
    }
  }

  @Override
  public void close() {
    if (thread.isShutdown()) {
      return;
    }
    try {
      thread.submit(
              () -> {
                closed = true;
                removeLeaderNode();
                stepDown("marathon-app stopping");
                leaveElection();
                client.getConnectionStateListenable().removeListener(connectionListener);
              })
          .get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("marathon-app election did not stop cleanly: {}", e.toString());
    } finally {
      thread.shutdownNow();
    }
  }
}
