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
import io.drover.protocol.coordination.ElectedTerm;
import io.drover.protocol.coordination.EpochFence;
import io.drover.protocol.coordination.FencedBatch;
import io.drover.protocol.coordination.StaleEpochException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.curator.framework.CuratorFramework;

/**
 * The registry in ZooKeeper: one znode per agent (its {@code AgentInfo} protobuf), per framework (its
 * {@code FrameworkInfo} protobuf) and per failover deadline (epoch milliseconds as text). Every write is
 * a transaction that first checks the epoch znode still has the version this leader gave it, so a
 * deposed leader cannot overwrite its successor's registry.
 *
 * <p>Writes are applied in the order they were asked for, on the registry's own thread; whatever queued
 * up while a transaction was under way goes into the next one (up to {@value #MAX_BATCH} writes), so a
 * burst of admissions costs a few round trips, not one each.
 */
public final class ZooKeeperRegistry implements Registry {
  private static final int MAX_BATCH = 100;

  private final CuratorFramework client;
  private final MasterPaths paths;
  private final Leadership leadership;
  private final EpochFence fence;
  private final LinkedBlockingQueue<PendingWrite> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean closed;

  public ZooKeeperRegistry(CuratorFramework client, MasterPaths paths, Leadership leadership) {
    this.client = client;
    this.paths = paths;
    this.leadership = leadership;
    this.fence = new EpochFence(client, paths.epoch(), new ElectedTerm(leadership.epoch(), leadership.epochVersion()));
    this.writer = new Thread(this::writeLoop, "registry-writer-epoch-" + leadership.epoch());
    writer.setDaemon(true);
    writer.start();
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
    return enqueue(new Put(path, data));
  }

  private CompletableFuture<Void> remove(String path) {
    return enqueue(new Remove(path));
  }

  private CompletableFuture<Void> enqueue(Change change) {
    PendingWrite write = new PendingWrite(change);
    queue.add(write);
    if (closed) {
      abandonQueued();
    }
    return write.done;
  }

  /** Takes what is queued, up to a batch, and writes it in one fenced transaction. */
  private void writeLoop() {
    List<PendingWrite> batch = new ArrayList<>();
    while (!closed) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        break;
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      commit(batch);
      batch.clear();
    }
    abandonQueued();
  }

  private void commit(List<PendingWrite> batch) {
    try {
      FencedBatch writes = fence.batch();
      for (PendingWrite write : batch) {
        write.change.addTo(writes);
      }
      writes.commit();
      batch.forEach(write -> write.done.complete(null));
    } catch (StaleEpochException e) {
      FencedOutException fencedOut =
          new FencedOutException("epoch " + leadership.epoch() + " is over: another master has been elected since (the epoch znode moved on)");
      batch.forEach(write -> write.done.completeExceptionally(fencedOut));
    } catch (Exception e) {
      if (batch.size() == 1) {
        PendingWrite write = batch.get(0);
        write.done.completeExceptionally(new RegistryException("cannot write " + write.change.path() + ": " + e.getMessage(), e));
      } else {
        // One bad write must not sink the others: each is tried alone and learns its own fate.
        batch.forEach(write -> commit(List.of(write)));
      }
    }
  }

  private void abandonQueued() {
    for (PendingWrite write = queue.poll(); write != null; write = queue.poll()) {
      write.done.completeExceptionally(
          new RegistryException("the registry of epoch " + leadership.epoch() + " is closed; " + write.change.path() + " not written", null));
    }
  }

  @Override
  public void close() {
    closed = true;
    writer.interrupt();
    abandonQueued();
  }

  /** A change to one znode; the batch picks its operation from whether the znode exists at that point. */
  private sealed interface Change permits Put, Remove {
    String path();

    void addTo(FencedBatch writes) throws Exception;
  }

  private record Put(String path, byte[] data) implements Change {
    @Override
    public void addTo(FencedBatch writes) throws Exception {
      writes.put(path, data);
    }
  }

  private record Remove(String path) implements Change {
    @Override
    public void addTo(FencedBatch writes) throws Exception {
      writes.delete(path);
    }
  }

  private record PendingWrite(Change change, CompletableFuture<Void> done) {
    PendingWrite(Change change) {
      this(change, new CompletableFuture<>());
    }
  }
}
