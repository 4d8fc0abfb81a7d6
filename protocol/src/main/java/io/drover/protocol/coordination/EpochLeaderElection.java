package io.drover.protocol.coordination;

import java.nio.charset.StandardCharsets;
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
 * Leader election with numbered terms. Participants contend with a Curator {@link LeaderLatch}; the
 * winner bumps the epoch node with a versioned write (so no two terms share an epoch), publishes its
 * payload as the ephemeral leader node in a transaction fenced on that epoch, and only then tells the
 * {@link ElectionListener}.
 *
 * <p>A leader steps down when its latch or session is lost, when the connection stays suspended longer
 * than the grace period (it can no longer know whether another was elected), and when asked to {@link
 * #abdicate}; it then contends again with a fresh latch, from the back of the queue.
 *
 * <p>The client should use Curator's {@code SessionConnectionStateErrorPolicy}, so that the latch itself
 * only gives up on a lost session and this class applies the grace to suspensions.
 *
 * <p>Everything runs on the election's own thread, which is also where the listener is called.
 */
public final class EpochLeaderElection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EpochLeaderElection.class);

  private final CuratorFramework client;
  private final ElectionSettings settings;
  private final ElectionListener listener;
  private final ScheduledExecutorService events;
  private final ConnectionStateListener connectionListener = (c, state) -> connectionChanged(state);

  // Confined to the events thread, except term, which other threads only read.
  private LeaderLatch latch;
  private volatile ElectedTerm term;
  private ScheduledFuture<?> suspension;
  private boolean closed;

  public EpochLeaderElection(CuratorFramework client, ElectionSettings settings, ElectionListener listener) {
    this.client = client;
    this.settings = settings;
    this.listener = listener;
    this.events =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, settings.threadName());
              t.setDaemon(true);
              return t;
            });
  }

  public void start() {
    events.execute(
        () -> {
          client.getConnectionStateListenable().addListener(connectionListener, events);
          contend();
        });
  }

  /** The current term if this participant leads. */
  public Optional<ElectedTerm> term() {
    return Optional.ofNullable(term);
  }

  /** Steps down (if leading) and contends again from the back of the queue. */
  public void abdicate(String reason) {
    events.execute(() -> restart(reason));
  }

  private void contend() {
    LeaderLatch candidate = new LeaderLatch(client, settings.electionPath(), settings.participantId());
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
              leave("lost the leader latch");
            }
          }
        },
        events);
    try {
      candidate.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the leader latch under " + settings.electionPath(), e);
    }
  }

  private void takeOffice(LeaderLatch candidate) {
    try {
      ElectedTerm won = bumpEpoch();
      publish(won);
      if (!candidate.hasLeadership()) {
        return;
      }
      term = won;
      LOG.info("{} {} leads with epoch {}", settings.role(), settings.participantId(), won.epoch());
      listener.elected(won);
    } catch (Exception e) {
      LOG.warn("{} {} won the latch but could not take office: {}", settings.role(), settings.participantId(), e.toString());
      restart("could not take office: " + e.getMessage());
    }
  }

  private ElectedTerm bumpEpoch() throws Exception {
    String epochPath = settings.epochPath();
    while (true) {
      Stat stat = new Stat();
      long current;
      try {
        current = parseEpoch(client.getData().storingStatIn(stat).forPath(epochPath));
      } catch (KeeperException.NoNodeException e) {
        try {
          client.create().creatingParentContainersIfNeeded().forPath(epochPath, "0".getBytes(StandardCharsets.UTF_8));
        } catch (KeeperException.NodeExistsException raced) {
          // Another participant created it first: read it again.
        }
        continue;
      }
      long next = current + 1;
      try {
        Stat written = client.setData().withVersion(stat.getVersion()).forPath(epochPath, Long.toString(next).getBytes(StandardCharsets.UTF_8));
        return new ElectedTerm(next, written.getVersion());
      } catch (KeeperException.BadVersionException raced) {
        // The epoch moved between reading and writing: start over from its new value.
      }
    }
  }

  private static long parseEpoch(byte[] data) {
    String text = data == null ? "" : new String(data, StandardCharsets.UTF_8).strip();
    return text.isEmpty() ? 0 : Long.parseLong(text);
  }

  private void publish(ElectedTerm won) throws Exception {
    String leaderPath = settings.leaderPath();
    List<CuratorOp> ops = new ArrayList<>();
    if (client.checkExists().forPath(leaderPath) != null) {
      // A predecessor's node outlives it until its session expires; the new leader replaces it.
      ops.add(client.transactionOp().delete().forPath(leaderPath));
    }
    ops.add(client.transactionOp().create().withMode(CreateMode.EPHEMERAL).forPath(leaderPath, settings.payload().forEpoch(won.epoch())));
    fence(won).commit(ops);
  }

  private EpochFence fence(ElectedTerm won) {
    return new EpochFence(client, settings.epochPath(), won);
  }

  private void connectionChanged(ConnectionState state) {
    if (state == ConnectionState.SUSPENDED && term != null && suspension == null) {
      long graceMillis = settings.suspendedGrace().toMillis();
      LOG.warn("ZooKeeper connection suspended; {} {} steps down unless it is back within {} ms", settings.role(), settings.participantId(), graceMillis);
      suspension =
          events.schedule(
              () -> restart("ZooKeeper connection suspended for more than " + graceMillis + " ms"), graceMillis, TimeUnit.MILLISECONDS);
    } else if (state == ConnectionState.RECONNECTED) {
      cancelSuspension();
    } else if (state == ConnectionState.LOST) {
      restart("ZooKeeper session lost");
    }
  }

  private void cancelSuspension() {
    if (suspension != null) {
      suspension.cancel(false);
      suspension = null;
    }
  }

  private void leave(String reason) {
    cancelSuspension();
    ElectedTerm ending = term;
    if (ending != null) {
      term = null;
      LOG.warn("{} {} stops leading (epoch {}): {}", settings.role(), settings.participantId(), ending.epoch(), reason);
      listener.deposed(reason);
    }
  }

  /** Leaves office and queues up again with a fresh latch node behind the other contenders. */
  private void restart(String reason) {
    retire();
    leave(reason);
    closeLatch();
    if (!closed) {
      contend();
    }
  }

  private void closeLatch() {
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

  /**
   * Removes the leader node if it still stands for this term, so that followers notice at once. Without a
   * connection it is left alone: it goes with the session, or the successor replaces it.
   */
  private void retire() {
    ElectedTerm current = term;
    if (current == null || !client.getZookeeperClient().isConnected()) {
      return;
    }
    try {
      fence(current).commit(List.of(client.transactionOp().delete().forPath(settings.leaderPath())));
    } catch (Exception e) {
      LOG.debug("Leader node not removed: {}", e.toString());
    }
  }

  @Override
  public void close() {
    if (events.isShutdown()) {
      return;
    }
    try {
      events
          .submit(
              () -> {
                closed = true;
                retire();
                leave(settings.role() + " stopping");
                closeLatch();
                client.getConnectionStateListenable().removeListener(connectionListener);
              })
          .get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("{} election did not stop cleanly: {}", settings.role(), e.toString());
    } finally {
      events.shutdownNow();
    }
  }
}
