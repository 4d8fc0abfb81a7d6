package io.drover.master.term;

import io.drover.core.AgentId;
import io.drover.core.FrameworkId;
import io.drover.core.FrameworkInfo;
import io.drover.master.task.TrackedTask;
import io.drover.protocol.net.Connection;
import io.drover.protocol.v1.Frame;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of frameworks in a term: subscription (durable before the framework hears its id),
 * re-subscription within the failover timeout (keeping its tasks), disconnection, and removal (failover
 * timeout or teardown), which kills its tasks and shuts it down on its agents.
 */
final class FrameworkManager {
  private static final Logger LOG = LoggerFactory.getLogger(FrameworkManager.class);

  private final TermContext term;
  private final OfferManager offers;
  /** Connections whose framework is being written to the registry. */
  private final Map<Long, FrameworkId> subscribing = new HashMap<>();

  FrameworkManager(TermContext term, OfferManager offers) {
    this.term = term;
    this.offers = offers;
  }

  /** Frameworks a previous leader knew: they get until their failover deadline to re-subscribe. */
  void recover(Map<FrameworkId, FrameworkInfo> known, Map<FrameworkId, Instant> deadlines) {
    known.forEach(
        (id, info) -> {
          Framework framework = term.frameworks.add(id, info, Framework.Status.DISCONNECTED);
          term.allocator.addFramework(id, framework.info(), Map.of(), false);
          Instant deadline = deadlines.get(id);
          if (deadline == null) {
            deadline = term.now().plus(info.failoverTimeout());
            term.write(term.registry.putFailoverDeadline(id, deadline), "failover deadline of framework " + id);
          }
          startFailover(framework, deadline);
        });
  }

  void subscribe(Connection connection, Optional<FrameworkId> callId, FrameworkInfo info) {
    if (callId.isPresent() && info.id().isPresent() && !callId.equals(info.id())) {
      refuse(connection, "the call names framework " + callId.get() + " but its FrameworkInfo names " + info.id().get(), false);
      return;
    }
    if (subscribing.containsKey(connection.id())) {
      LOG.warn("Ignoring a second subscription on connection {} while the first is being stored", connection.id());
      return;
    }
    Optional<FrameworkId> requested = callId.or(info::id);
    Optional<String> removal = requested.flatMap(term.frameworks::removalReason);
    if (removal.isPresent()) {
      refuse(connection, "framework " + requested.get() + " was removed: " + removal.get(), true);
      return;
    }
    FrameworkId id = requested.orElseGet(term.ids::frameworkId);
    FrameworkInfo stored = info.withId(id);
    subscribing.put(connection.id(), id);
    term.afterWrite(
        term.registry.putFramework(stored).thenCompose(done -> term.registry.removeFailoverDeadline(id)),
        "subscribe framework " + id,
        () -> {
          subscribing.remove(connection.id());
          Optional<String> removedMeanwhile = term.frameworks.removalReason(id);
          if (removedMeanwhile.isPresent()) {
            // Its failover timeout ran out while the subscription was being stored.
            term.write(term.registry.removeFramework(id), "forget removed framework " + id);
            refuse(connection, "framework " + id + " was removed: " + removedMeanwhile.get(), true);
          } else if (connection.isOpen()) {
            completeSubscription(connection, id, stored);
          } else if (requested.isEmpty()) {
            term.write(term.registry.removeFramework(id), "forget framework " + id + ", whose connection closed while subscribing");
          }
        },
        reason -> {
          subscribing.remove(connection.id());
          refuse(connection, reason, false);
        });
  }

  private void completeSubscription(Connection connection, FrameworkId id, FrameworkInfo info) {
    Optional<Framework> existing = term.frameworks.get(id);
    Framework framework;
    if (existing.isEmpty()) {
      framework = term.frameworks.add(id, info, Framework.Status.DISCONNECTED);
      term.frameworks.attach(framework, connection);
      term.allocator.addFramework(id, framework.info(), Map.of(), true);
      LOG.info("Subscribed {} with roles {}", framework, info.roles());
    } else {
      framework = existing.get();
      framework
          .connection()
          .filter(old -> old.id() != connection.id())
          .ifPresent(
              old -> {
                framework.send(Events.error("framework " + id + " subscribed again on another connection; this one is closed", false));
                term.frameworks.detach(framework);
                old.close("replaced by a newer subscription of the same framework");
              });
      boolean wasActive = framework.status() == Framework.Status.ACTIVE;
      framework.cancelFailover();
      framework.info(info);
      term.frameworks.attach(framework, connection);
      if (!wasActive) {
        term.allocator.activateFramework(id);
      }
      LOG.info("Re-subscribed {}", framework);
    }
    framework.send(Events.subscribed(id, term.settings.heartbeatInterval(), term.self));
  }

  private static void refuse(Connection connection, String reason, boolean fatal) {
    connection.send(Frame.newBuilder().setSchedulerEvent(Events.error(reason, fatal)).build());
    connection.close(reason);
  }

  void connectionClosed(Connection connection, String reason) {
    subscribing.remove(connection.id());
    term.frameworks
        .onConnection(connection.id())
        .ifPresent(
            framework -> {
              LOG.info("{} disconnected: {}", framework, reason);
              term.frameworks.detach(framework);
              term.allocator.deactivateFramework(framework.id());
              offers.rescindAllOf(framework.id(), "framework disconnected");
              Instant deadline = term.now().plus(framework.info().failoverTimeout());
              term.write(term.registry.putFailoverDeadline(framework.id(), deadline), "failover deadline of " + framework);
              startFailover(framework, deadline);
            });
  }

  private void startFailover(Framework framework, Instant deadline) {
    Duration left = Duration.between(term.now(), deadline);
    framework.failover(
        deadline,
        term.timers.schedule(left, () -> remove(framework, "it did not re-subscribe within its failover timeout of " + framework.info().failoverTimeout())));
  }

  void teardown(Framework framework) {
    remove(framework, "torn down by the framework");
  }

  /** Removes the framework for good: kills its tasks, shuts it down on its agents, forgets it durably. */
  private void remove(Framework framework, String reason) {
    LOG.info("Removing {}: {}", framework, reason);
    FrameworkId id = framework.id();
    framework.cancelFailover();
    offers.discardAllOf(id);
    Set<AgentId> agentsWithTasks = new HashSet<>();
    for (TrackedTask task : term.tasks.ofFramework(id)) {
      agentsWithTasks.add(task.agentId());
      if (!task.state().isTerminal()) {
        term.agents.get(task.agentId()).ifPresent(agent -> agent.send(Events.killTask(id, task.id(), Duration.ZERO)));
      }
      term.tasks.remove(id, task.id());
    }
    agentsWithTasks.forEach(agentId -> term.agents.get(agentId).ifPresent(agent -> agent.send(Events.shutdownFramework(id))));
    term.allocator.removeFramework(id);
    Optional<Connection> connection = framework.connection();
    framework.send(Events.error("framework " + id + " was removed: " + reason, true));
    term.frameworks.remove(framework, reason);
    connection.ifPresent(c -> c.close("framework removed"));
    term.write(term.registry.removeFramework(id), "remove framework " + id);
  }
}
