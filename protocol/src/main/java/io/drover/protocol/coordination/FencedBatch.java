package io.drover.protocol.coordination;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;

/**
 * Node writes gathered into one fenced transaction. It remembers which nodes the writes gathered so far
 * create and delete, so later writes in the same batch pick the right operation (create or set, delete or
 * nothing) without asking ZooKeeper about nodes the batch has already decided.
 */
public final class FencedBatch {
  private final CuratorFramework client;
  private final EpochFence fence;
  private final List<CuratorOp> ops = new ArrayList<>();
  private final Map<String, Boolean> existsAfter = new HashMap<>();

  FencedBatch(CuratorFramework client, EpochFence fence) {
    this.client = client;
    this.fence = fence;
  }

  /** Whether {@code path} exists once the writes gathered so far have run. */
  public boolean exists(String path) throws Exception {
    Boolean known = existsAfter.get(path);
    return known != null ? known : client.checkExists().forPath(path) != null;
  }

  /** Creates {@code path} with {@code data}, or replaces its data if it exists. */
  public void put(String path, byte[] data) throws Exception {
    ops.add(exists(path)
        ? client.transactionOp().setData().forPath(path, data)
        : client.transactionOp().create().forPath(path, data));
    existsAfter.put(path, true);
  }

  /** Deletes {@code path} if it exists; its children must be deleted first. */
  public void delete(String path) throws Exception {
    if (exists(path)) {
      ops.add(client.transactionOp().delete().forPath(path));
    }
    existsAfter.put(path, false);
  }

  /** Runs the gathered writes in one fenced transaction; nothing happens when there are none. */
  public void commit() throws StaleEpochException, Exception {
    if (!ops.isEmpty()) {
      fence.commit(ops);
    }
  }
}
