package io.drover.marathon.storage;

import io.drover.marathon.app.MarathonJson;
import io.drover.protocol.coordination.ElectedTerm;
import io.drover.protocol.coordination.EpochFence;
import io.drover.protocol.coordination.FencedBatch;
import io.drover.protocol.coordination.StaleEpochException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;

/**
 * marathon-app's state in ZooKeeper for one leadership term. Every {@link StateTransaction} becomes one
 * ZooKeeper multi-op that first checks the epoch node still has the version this term gave it, so a
 * deposed leader's writes fail with {@link FencedOutException}.
 *
 * <p>Transactions are applied in the order they were committed, on the store's own thread; those that
 * queue up while one is under way are merged into the next multi-op (up to {@value #MAX_BATCH} node
 * changes), so a burst of instance updates costs a few round trips. If a merged multi-op fails, each
 * transaction is retried alone and learns its own fate.
 */
public final class ZooKeeperStateStore implements AutoCloseable {
  private static final int MAX_BATCH = 200;

  private final CuratorFramework client;
  private final MarathonPaths paths;
  private final MarathonTerm term;
  private final EpochFence fence;
  private final NodeCodec codec;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean closed;

  private ZooKeeperStateStore(CuratorFramework client, MarathonPaths paths, MarathonTerm term, NodeCodec codec) {
    this.client = client;
    this.paths = paths;
    this.term = term;
    this.fence = new EpochFence(client, paths.epoch(), new ElectedTerm(term.epoch(), term.epochVersion()));
    this.codec = codec;
    this.writer = new Thread(this::writeLoop, "marathon-state-writer-epoch-" + term.epoch());
    writer.setDaemon(true);
  }

  /**
   * Opens the store for {@code term}, creating the state directories if they are missing. They are
   * persistent nodes, not containers: ZooKeeper deletes an emptied container (the deployments directory
   * after the last deployment ends), and later writes below it would fail.
   */
  public static ZooKeeperStateStore open(CuratorFramework client, MarathonPaths paths, MarathonTerm term, NodeCodec codec) {
    try {
      for (String dir : List.of(paths.apps(), paths.groups(), paths.deployments(), paths.instances(), paths.rootVersions(), paths.deletedApps(), paths.taskFailures())) {
        if (client.checkExists().forPath(dir) == null) {
          try {
            client.create().creatingParentsIfNeeded().forPath(dir, new byte[0]);
          } catch (KeeperException.NodeExistsException createdMeanwhile) {
            // another process made it first
          }
        }
      }
    } catch (Exception e) {
      throw new StorageException("cannot create the state directories under " + paths.state() + ": " + e.getMessage(), e);
    }
    ZooKeeperStateStore store = new ZooKeeperStateStore(client, paths, term, codec);
    store.writer.start();
    return store;
  }

  public MarathonPaths paths() {
    return paths;
  }

  public MarathonTerm term() {
    return term;
  }

  public StateTransaction transaction() {
    return new StateTransaction(codec);
  }

  /** Applies {@code transaction} atomically; the future fails with a {@link StorageException}. */
  public CompletableFuture<Void> commit(StateTransaction transaction) {
    Pending pending = new Pending(transaction.changes(), new CompletableFuture<>());
    if (pending.changes.isEmpty()) {
      pending.done.complete(null);
      return pending.done;
    }
    queue.add(pending);
    if (closed) {
      abandonQueued();
    }
    return pending.done;
  }

  /** The JSON value at {@code path}, if the node exists. */
  public <T> Optional<T> read(String path, Class<T> type) {
    try {
      byte[] data = client.getData().forPath(path);
      return Optional.of(MarathonJson.mapper().readValue(codec.decode(data), type));
    } catch (KeeperException.NoNodeException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StorageException(path + " holds unreadable data: " + e.getMessage(), e);
    } catch (Exception e) {
      throw new StorageException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /** The names of the children of {@code path}, none if it does not exist. */
  public List<String> children(String path) {
    try {
      return client.getChildren().forPath(path);
    } catch (KeeperException.NoNodeException e) {
      return List.of();
    } catch (Exception e) {
      throw new StorageException("cannot list " + path + ": " + e.getMessage(), e);
    }
  }

  private void writeLoop() {
    List<Pending> batch = new ArrayList<>();
    while (!closed) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        break;
      }
      int changes = batch.get(0).changes.size();
      for (Pending next = queue.peek(); next != null && changes + next.changes.size() <= MAX_BATCH; next = queue.peek()) {
        batch.add(queue.poll());
        changes += next.changes.size();
      }
      apply(batch);
      batch.clear();
    }
    abandonQueued();
  }

  private void apply(List<Pending> batch) {
    try {
      FencedBatch writes = fence.batch();
      for (Pending pending : batch) {
        for (StateTransaction.Change change : pending.changes) {
          add(change, writes);
        }
      }
      writes.commit();
      batch.forEach(pending -> pending.done.complete(null));
    } catch (StaleEpochException e) {
      FencedOutException fencedOut =
          new FencedOutException("marathon-app epoch " + term.epoch() + " is over: another leader has been elected since (the epoch node moved on)");
      batch.forEach(pending -> pending.done.completeExceptionally(fencedOut));
    } catch (Exception e) {
      if (batch.size() == 1) {
        Pending pending = batch.get(0);
        String paths = pending.changes.stream().map(StateTransaction.Change::path).toList().toString();
        pending.done.completeExceptionally(new StorageException("cannot write " + paths + ": " + e.getMessage(), e));
      } else {
        batch.forEach(pending -> apply(List.of(pending)));
      }
    }
  }

  private void add(StateTransaction.Change change, FencedBatch writes) throws Exception {
    if (change instanceof StateTransaction.Change.Put put) {
      writes.put(put.path(), put.data());
    } else if (change instanceof StateTransaction.Change.Remove remove) {
      if (!writes.exists(remove.path())) {
        return;
      }
      if (remove.recursive()) {
        for (String child : children(remove.path())) {
          add(new StateTransaction.Change.Remove(remove.path() + "/" + child, true), writes);
        }
      }
      writes.delete(remove.path());
    }
  }

  private void abandonQueued() {
    for (Pending pending = queue.poll(); pending != null; pending = queue.poll()) {
      pending.done.completeExceptionally(
          new StorageException("the state store of epoch " + term.epoch() + " is closed; nothing written", null));
    }
  }

  @Override
  public void close() {
    closed = true;
    writer.interrupt();
    abandonQueued();
  }

  private record Pending(List<StateTransaction.Change> changes, CompletableFuture<Void> done) {}
}
