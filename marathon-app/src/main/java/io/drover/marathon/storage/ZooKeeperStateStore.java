package io.drover.marathon.storage;

import io.drover.marathon.app.MarathonJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.OpResult;

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
  private final NodeCodec codec;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean closed;

  private ZooKeeperStateStore(CuratorFramework client, MarathonPaths paths, MarathonTerm term, NodeCodec codec) {
    this.client = client;
    this.paths = paths;
    this.term = term;
    this.codec = codec;
    this.writer = new Thread(this::writeLoop, "marathon-state-writer-epoch-" + term.epoch());
    writer.setDaemon(true);
  }

  /** Opens the store for {@code term}, creating the state directories if they are missing. */
  public static ZooKeeperStateStore open(CuratorFramework client, MarathonPaths paths, MarathonTerm term, NodeCodec codec) {
    try {
      for (String dir : List.of(paths.apps(), paths.groups(), paths.deployments(), paths.instances())) {
        client.createContainers(dir);
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
      List<CuratorOp> ops = new ArrayList<>();
      ops.add(client.transactionOp().check().withVersion(term.epochVersion()).forPath(paths.epoch()));
      Map<String, Boolean> existsAfter = new HashMap<>();
      for (Pending pending : batch) {
        for (StateTransaction.Change change : pending.changes) {
          addOps(change, ops, existsAfter);
        }
      }
      if (ops.size() > 1) {
        fenced(ops);
      }
      batch.forEach(pending -> pending.done.complete(null));
    } catch (FencedOutException e) {
      batch.forEach(pending -> pending.done.completeExceptionally(e));
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

  private void addOps(StateTransaction.Change change, List<CuratorOp> ops, Map<String, Boolean> existsAfter) throws Exception {
    if (change instanceof StateTransaction.Change.Put put) {
      boolean exists = exists(put.path(), existsAfter);
      ops.add(exists
          ? client.transactionOp().setData().forPath(put.path(), put.data())
          : client.transactionOp().create().forPath(put.path(), put.data()));
      existsAfter.put(put.path(), true);
    } else if (change instanceof StateTransaction.Change.Remove remove) {
      if (!exists(remove.path(), existsAfter)) {
        return;
      }
      if (remove.recursive()) {
        for (String child : children(remove.path())) {
          String childPath = remove.path() + "/" + child;
          if (existsAfter.getOrDefault(childPath, true)) {
            addOps(new StateTransaction.Change.Remove(childPath, true), ops, existsAfter);
          }
        }
      }
      ops.add(client.transactionOp().delete().forPath(remove.path()));
      existsAfter.put(remove.path(), false);
    }
  }

  private boolean exists(String path, Map<String, Boolean> existsAfter) throws Exception {
    Boolean known = existsAfter.get(path);
    return known != null ? known : client.checkExists().forPath(path) != null;
  }

  private void fenced(List<CuratorOp> ops) throws Exception {
    try {
      client.transaction().forOperations(ops);
    } catch (KeeperException e) {
      List<OpResult> results = e.getResults();
      boolean checkFailed =
          results != null
              && !results.isEmpty()
              && results.get(0) instanceof OpResult.ErrorResult error
              && error.getErr() != KeeperException.Code.OK.intValue();
      if (checkFailed) {
        throw new FencedOutException(
            "marathon-app epoch " + term.epoch() + " is over: another leader has been elected since (the epoch node moved on)");
      }
      throw e;
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
