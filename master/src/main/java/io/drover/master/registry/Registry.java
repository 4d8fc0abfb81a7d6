package io.drover.master.registry;

import io.drover.core.AgentId;
import io.drover.core.AgentInfo;
import io.drover.core.FrameworkId;
import io.drover.core.FrameworkInfo;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * The master's durable memory: admitted agents and frameworks with their failover deadlines (tasks are
 * not kept: agents report theirs). Writes complete once durable; a write refused because another master
 * now leads completes exceptionally with {@link FencedOutException}.
 */
public interface Registry extends AutoCloseable {
  RegistryContents load();

  CompletableFuture<Void> putAgent(AgentId id, AgentInfo info);

  CompletableFuture<Void> removeAgent(AgentId id);

  /** Stores a framework's info; {@code info.id()} must be present. */
  CompletableFuture<Void> putFramework(FrameworkInfo info);

  /** Forgets a framework and its failover deadline. */
  CompletableFuture<Void> removeFramework(FrameworkId id);

  CompletableFuture<Void> putFailoverDeadline(FrameworkId id, Instant deadline);

  CompletableFuture<Void> removeFailoverDeadline(FrameworkId id);

  /** Stops writing; writes not yet done fail. */
  @Override
  void close();
}
