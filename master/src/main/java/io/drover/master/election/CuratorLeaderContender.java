package io.drover.master.election;

import io.drover.core.MasterInfo;
import io.drover.master.MasterPaths;
import io.drover.protocol.net.MasterInfoJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * Contends for leadership with a Curator {@link LeaderLatch}. On winning it bumps the epoch znode (a
 * versioned set, so two leaders never share an epoch) and publishes this master's {@link MasterInfo} as
 * the ephemeral leader znode, in a transaction fenced on that epoch.
 *
 * <p>It gives leadership up when the latch is lost, when the session is lost, and when the connection
 * stays suspended longer than the grace period: a leader that cannot reach ZooKeeper cannot know whether
 * another has been elected, so it stops acting and contends again from the back of the queue.
 *
 * <p>The client should use Curator's {@code SessionConnectionStateErrorPolicy}, so that the latch itself
 * only gives up on a lost session and this class applies the grace to suspensions.
 *
 * <p>Everything runs on the contender's own thread, which is also where the listener is called.
 */
public final class CuratorLeaderContender implements LeaderContender {
  private static final Logger LOG = LoggerFactory.getLogger(CuratorLeaderContender.class);

  private final CuratorFramework client;
  private final MasterPaths paths;
  private final MasterInfo self;
  private final Duration suspendedGrace;
  private final LeadershipListener listener;
  private final ScheduledExecutorService events;
  private final ConnectionStateListener connectionListener = this::connectionStateChanged;

  // Confined to the events thread.
  private LeaderLatch latch;
  private Leadership leadership;
  private ScheduledFuture<?> suspension;
  private boolean closed;

  /** {@code self.epoch()} is ignored: each term gets the epoch it wins. */
  public CuratorLeaderContender(
      CuratorFramework client, MasterPaths paths, MasterInfo self, Duration suspendedGrace, LeadershipListener listener) {
    this.client = client;
    this.paths = paths;
    this.self = self;
    this.suspendedGrace = suspendedGrace;
    this.listener = listener;
    this.events =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "leader-election-" + self.id());
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public void start() {
    events.execute(
        () -> {
          client.getConnectionStateListenable().addListener(connectionListener, events);
          contend();
        });
  }

  @Override
  public void abdicate(String reason) {
    events.execute(() -> restart(reason));
  }

  private void contend() {
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
              leave("lost the leader latch");
            }
          }
        },
        events);
    try {
      candidate.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the leader latch", e);
    }
  }

  private void takeOffice(LeaderLatch candidate) {
    try {
      Leadership won = bumpEpoch();
      publish(won);
      if (!candidate.hasLeadership()) {
        return;
      }
      leadership = won;
      LOG.info("Master {} is leading with epoch {}", self.id(), won.epoch());
      listener.elected(won);
    } catch (Exception e) {
      LOG.warn("Master {} won the latch but could not take office: {}", self.id(), e.toString());
      restart("could not take office: " + e.getMessage());
    }
  }

  private Leadership bumpEpoch() throws Exception {
    while (true) {
      Stat stat = new Stat();
      byte[] current;
      try {
        current = client.getData().storingStatIn(stat).forPath(paths.epoch());
      } catch (KeeperException.NoNodeException e) {
        try {
          client.create().creatingParentContainersIfNeeded().forPath(paths.epoch(), "0".getBytes(StandardCharsets.UTF_8));
        } catch (KeeperException.NodeExistsException raced) {
          // Another master created it first; read it again.
        }
        continue;
      }
      long next = parseEpoch(current) + 1;
      try {
        Stat written = client.setData().withVersion(stat.getVersion()).forPath(paths.epoch(), Long.toString(next).getBytes(StandardCharsets.UTF_8));
        return new Leadership(next, written.getVersion());
      } catch (KeeperException.BadVersionException raced) {
        // Someone moved the epoch between our read and write; try again from what is there now.
      }
    }
  }

  private static long parseEpoch(byte[] data) {
    String text = data == null ? "" : new String(data, StandardCharsets.UTF_8).strip();
    return text.isEmpty() ? 0 : Long.parseLong(text);
  }

  private void publish(Leadership won) throws Exception {
    MasterInfo info = new MasterInfo(self.id(), self.host(), self.protocolPort(), self.httpPort(), won.epoch(), self.version());
    List<CuratorOp> ops = new ArrayList<>();
    ops.add(client.transactionOp().check().withVersion(won.epochVersion()).forPath(paths.epoch()));
    if (client.checkExists().forPath(paths.leader()) != null) {
      // A predecessor's node outlives it until its session expires; the new leader replaces it.
      ops.add(client.transactionOp().delete().forPath(paths.leader()));
    }
    ops.add(client.transactionOp().create().withMode(CreateMode.EPHEMERAL).forPath(paths.leader(), MasterInfoJson.write(info)));
    client.transaction().forOperations(ops);
  }

  private void connectionStateChanged(CuratorFramework c, ConnectionState state) {
    switch (state) {
      case SUSPENDED -> {
        if (leadership != null && suspension == null) {
          LOG.warn("ZooKeeper connection suspended; giving up leadership if it is not back within {} ms", suspendedGrace.toMillis());
          suspension =
              events.schedule(
                  () -> restart("ZooKeeper connection suspended for more than " + suspendedGrace.toMillis() + " ms"),
                  suspendedGrace.toMillis(),
                  TimeUnit.MILLISECONDS);
        }
      }
      case RECONNECTED -> cancelSuspension();
      case LOST -> restart("ZooKeeper session lost");
      default -> {}
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
    if (leadership != null) {
      LOG.warn("Master {} stops leading (epoch {}): {}", self.id(), leadership.epoch(), reason);
      leadership = null;
      listener.deposed(reason);
    }
  }

  /** Leaves office and queues up again with a fresh latch node behind the other contenders. */
  private void restart(String reason) {
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

  /** Removes this master's leader znode if it still stands for this term, so followers notice at once. */
  private void retire() {
    if (leadership == null) {
      return;
    }
    try {
      client
          .transaction()
          .forOperations(
              client.transactionOp().check().withVersion(leadership.epochVersion()).forPath(paths.epoch()),
              client.transactionOp().delete().forPath(paths.leader()));
    } catch (Exception e) {
      LOG.debug("Leader znode not removed: {}", e.toString());
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
                leave("master stopping");
                closeLatch();
                client.getConnectionStateListenable().removeListener(connectionListener);
              })
          .get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("Leader contender did not stop cleanly: {}", e.toString());
    } finally {
      events.shutdownNow();
    }
  }
}
