package io.drover.master.registry;

import com.google.protobuf.InvalidProtocolBufferException;
import io.drover.core.AgentId;
import io.drover.core.AgentInfo;
import io.drover.core.FrameworkId;
import io.drover.core.FrameworkInfo;
import io.drover.master.MasterPaths;
import io.drover.master.election.Leadership;
import io.drover.protocol.FromProto;
import io.drover.protocol.ToProto;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.OpResult;

/**
 * The registry in ZooKeeper: one znode per agent (its {@code AgentInfo} protobuf), per framework (its
 * {@code FrameworkInfo} protobuf) and per failover deadline (epoch milliseconds as text). Every write is
 * a transaction that first checks the epoch znode still has the version this leader gave it, so a
 * deposed leader cannot overwrite its successor's registry.
 *
 * <p>Writes run one at a time, in the order they were asked for, on the registry's own thread.
 */
public final class ZooKeeperRegistry implements Registry {
  private final CuratorFramework client;
  private final MasterPaths paths;
  private final Leadership leadership;
  private final ExecutorService writer;

  public ZooKeeperRegistry(CuratorFramework client, MasterPaths paths, Leadership leadership) {
    this.client = client;
    this.paths = paths;
    this.leadership = leadership;
    this.writer =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "registry-writer-epoch-" + leadership.epoch());
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public RegistryContents load() {
    try {
      for (String parent : List.of(paths.agents(), paths.frameworks(), paths.failoverDeadlines())) {
        client.createContainers(parent);
      }
      Map<AgentId, AgentInfo> agents = new HashMap<>();
      for (String id : client.getChildren().forPath(paths.agents())) {
        agents.put(AgentId.of(id), FromProto.agentInfo(io.drover.protocol.v1.AgentInfo.parseFrom(read(paths.agent(id)))));
      }
      Map<FrameworkId, FrameworkInfo> frameworks = new HashMap<>();
      for (String id : client.getChildren().forPath(paths.frameworks())) {
        FrameworkInfo info = FromProto.frameworkInfo(io.drover.protocol.v1.FrameworkInfo.parseFrom(read(paths.framework(id))));
        frameworks.put(FrameworkId.of(id), info.withId(FrameworkId.of(id)));
      }
      Map<FrameworkId, Instant> deadlines = new HashMap<>();
      for (String id : client.getChildren().forPath(paths.failoverDeadlines())) {
        String millis = new String(read(paths.failoverDeadline(id)), StandardCharsets.UTF_8);
        deadlines.put(FrameworkId.of(id), Instant.ofEpochMilli(Long.parseLong(millis.strip())));
      }
      return new RegistryContents(agents, frameworks, deadlines);
    } catch (InvalidProtocolBufferException | NumberFormatException e) {
      throw new RegistryException("the registry holds unreadable data: " + e.getMessage(), e);
    } catch (Exception e) {
      throw new RegistryException("cannot read the registry: " + e.getMessage(), e);
    }
  }

  private byte[] read(String path) throws Exception {
    return client.getData().forPath(path);
  }

  @Override
  public CompletableFuture<Void> putAgent(AgentId id, AgentInfo info) {
    return put(paths.agent(id.value()), ToProto.agentInfo(info).toByteArray());
  }

  @Override
  public CompletableFuture<Void> removeAgent(AgentId id) {
    return remove(paths.agent(id.value()));
  }

  @Override
  public CompletableFuture<Void> putFramework(FrameworkInfo info) {
    FrameworkId id = info.id().orElseThrow(() -> new IllegalArgumentException("a stored framework needs its id"));
    return put(paths.framework(id.value()), ToProto.frameworkInfo(info).toByteArray());
  }

  @Override
  public CompletableFuture<Void> removeFramework(FrameworkId id) {
    return remove(paths.failoverDeadline(id.value())).thenCompose(done -> remove(paths.framework(id.value())));
  }

  @Override
  public CompletableFuture<Void> putFailoverDeadline(FrameworkId id, Instant deadline) {
    return put(paths.failoverDeadline(id.value()), Long.toString(deadline.toEpochMilli()).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public CompletableFuture<Void> removeFailoverDeadline(FrameworkId id) {
    return remove(paths.failoverDeadline(id.value()));
  }

  private CompletableFuture<Void> put(String path, byte[] data) {
    return write(
        path,
        () ->
            client.checkExists().forPath(path) == null
                ? client.transactionOp().create().forPath(path, data)
                : client.transactionOp().setData().forPath(path, data));
  }

  private CompletableFuture<Void> remove(String path) {
    return write(path, () -> client.checkExists().forPath(path) == null ? null : client.transactionOp().delete().forPath(path));
  }

  /** Builds the operation on the writer thread (it looks at what exists) and runs it fenced. */
  private CompletableFuture<Void> write(String path, OperationSource operation) {
    PendingWrite write = new PendingWrite(path, operation);
    try {
      writer.execute(write);
    } catch (RejectedExecutionException e) {
      write.abandon();
    }
    return write.done;
  }

  private void fenced(CuratorOp op) throws Exception {
    CuratorOp check = client.transactionOp().check().withVersion(leadership.epochVersion()).forPath(paths.epoch());
    try {
      client.transaction().forOperations(check, op);
    } catch (KeeperException e) {
      List<OpResult> results = e.getResults();
      boolean checkFailed =
          results != null
              && !results.isEmpty()
              && results.get(0) instanceof OpResult.ErrorResult error
              && error.getErr() != KeeperException.Code.OK.intValue();
      if (checkFailed || e.code() == KeeperException.Code.NONODE && paths.epoch().equals(e.getPath())) {
        throw new FencedOutException(
            "epoch " + leadership.epoch() + " is over: another master has been elected since (the epoch znode moved on)");
      }
      throw e;
    }
  }

  @Override
  public void close() {
    for (Runnable notRun : writer.shutdownNow()) {
      ((PendingWrite) notRun).abandon();
    }
  }

  private final class PendingWrite implements Runnable {
    private final String path;
    private final OperationSource operation;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    PendingWrite(String path, OperationSource operation) {
      this.path = path;
      this.operation = operation;
    }

    @Override
    public void run() {
      try {
        CuratorOp op = operation.build();
        if (op != null) {
          fenced(op);
        }
        done.complete(null);
      } catch (FencedOutException e) {
        done.completeExceptionally(e);
      } catch (Exception e) {
        done.completeExceptionally(new RegistryException("cannot write " + path + ": " + e.getMessage(), e));
      }
    }

    void abandon() {
      done.completeExceptionally(new RegistryException("the registry of epoch " + leadership.epoch() + " is closed; " + path + " not written", null));
    }
  }

  @FunctionalInterface
  private interface OperationSource {
    CuratorOp build() throws Exception;
  }
}
