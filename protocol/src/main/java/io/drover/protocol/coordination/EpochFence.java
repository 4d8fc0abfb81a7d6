package io.drover.protocol.coordination;

import java.util.ArrayList;
import java.util.List;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.OpResult;

/**
 * Writes that only happen while a term lasts: each transaction first checks that the epoch node is still
 * at the version the term wrote, so a deposed leader's writes fail once a successor has bumped it.
 */
public final class EpochFence {
  private final CuratorFramework client;
  private final String epochPath;
  private final int epochVersion;

  public EpochFence(CuratorFramework client, String epochPath, ElectedTerm term) {
    this.client = client;
    this.epochPath = epochPath;
    this.epochVersion = term.epochVersion();
  }

  /** An empty batch of writes to commit under this fence. */
  public FencedBatch batch() {
    return new FencedBatch(client, this);
  }

  /** Runs {@code ops} in one transaction with the epoch check in front. */
  public void commit(List<CuratorOp> ops) throws StaleEpochException, Exception {
    List<CuratorOp> fenced = new ArrayList<>(ops.size() + 1);
    fenced.add(client.transactionOp().check().withVersion(epochVersion).forPath(epochPath));
    fenced.addAll(ops);
    try {
      client.transaction().forOperations(fenced);
    } catch (KeeperException e) {
      if (checkFailed(e)) {
        throw new StaleEpochException(epochPath, epochVersion);
      }
      throw e;
    }
  }

  private boolean checkFailed(KeeperException e) {
    List<OpResult> results = e.getResults();
    boolean firstOpFailed =
        results != null
            && !results.isEmpty()
            && results.get(0) instanceof OpResult.ErrorResult error
            && error.getErr() != KeeperException.Code.OK.intValue();
    return firstOpFailed || e.code() == KeeperException.Code.NONODE && epochPath.equals(e.getPath());
  }
}
