package io.drover.master.term;

import io.drover.core.AgentId;
import io.drover.core.AgentInfo;
import io.drover.master.task.ReregistrationPlan;
import io.drover.master.task.ReportedTask;
import io.drover.protocol.net.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of agents in a term: admission (durable before the agent hears its id), re-registration
 * (its reported tasks become the master's view), disconnection, and loss (unreachable after the ping
 * timeout, or after the re-registration window of a failover).
 */
final class AgentManager {
  private static final Logger LOG = LoggerFactory.getLogger(AgentManager.class);

  private final TermContext term;
  private final OfferManager offers;
  private final TaskManager tasks;
  /** Connections whose agent is being written to the registry, with the id it will get. */
  private final Map<Long, AgentId> admitting = new HashMap<>();

  AgentManager(TermContext term, OfferManager offers, TaskManager tasks) {
    this.term = term;
    this.offers = offers;
    this.tasks = tasks;
  }

  /** The agents a previous leader admitted: they have the re-registration window to come back. */
  void recover(Map<AgentId, AgentInfo> admitted) {
    admitted.forEach((id, info) -> term.agents.add(id, info, Agent.Status.RECOVERING));
    if (!admitted.isEmpty()) {
      term.timers.schedule(term.settings.agentReregistrationTimeout(), this::reregistrationWindowClosed);
    }
  }

  private void reregistrationWindowClosed() {
    int missing = 0;
    for (Agent agent : term.agents.all()) {
      if (agent.status() == Agent.Status.RECOVERING) {
        term.agents.status(agent, Agent.Status.UNREACHABLE);
        missing++;
      }
    }
    if (missing > 0) {
      LOG.warn("{} agents did not re-register within {} ms; they are unreachable", missing, term.settings.agentReregistrationTimeout().toMillis());
    }
  }

  void register(Connection connection, AgentInfo info) {
    if (admitting.containsKey(connection.id())) {
      LOG.debug("An agent repeated its registration while it is being stored");
      return;
    }
    Optional<Agent> onThisConnection = term.agents.onConnection(connection.id());
    if (onThisConnection.isPresent()) {
      onThisConnection.get().send(Events.registered(onThisConnection.get().id()));
      return;
    }
    AgentId id = term.ids.agentId();
    admitting.put(connection.id(), id);
    term.afterWrite(
        term.registry.putAgent(id, info),
        "admit agent " + id,
        () -> {
          admitting.remove(connection.id());
          if (!connection.isOpen()) {
            term.write(term.registry.removeAgent(id), "forget agent " + id + ", whose connection closed during admission");
            return;
          }
          Agent agent = term.agents.add(id, info, Agent.Status.DISCONNECTED);
          term.agents.attach(agent, connection);
          term.allocator.addAgent(id, info, info.resources(), Map.of());
          agent.inAllocator(true);
          agent.send(Events.registered(id));
          LOG.info("Admitted {} with {}", agent, info.resources());
        },
        reason -> {
          admitting.remove(connection.id());
          connection.close("could not admit the agent: " + reason);
        });
  }

  void reregister(Connection connection, AgentId id, AgentInfo info, List<ReportedTask> reported) {
    if (admitting.containsKey(connection.id())) {
      LOG.debug("Agent {} repeated its registration while it is being stored", id);
      return;
    }
    Optional<Agent> onThisConnection = term.agents.onConnection(connection.id()).filter(a -> a.id().equals(id));
    if (onThisConnection.isPresent()) {
      // A repeat that crossed our answer: its task list may miss tasks launched since, so it changes nothing.
      onThisConnection.get().send(Events.registered(id));
      return;
    }
    boolean unchanged = term.agents.get(id).map(a -> a.info().equals(info)).orElse(false);
    if (unchanged) {
      completeReregistration(connection, id, info, reported);
      return;
    }
    // Unknown to this registry (removed, or the registry was lost) or changed: durable first.
    admitting.put(connection.id(), id);
    term.afterWrite(
        term.registry.putAgent(id, info),
        "re-admit agent " + id,
        () -> {
          admitting.remove(connection.id());
          if (connection.isOpen()) {
            completeReregistration(connection, id, info, reported);
          }
        },
        reason -> {
          admitting.remove(connection.id());
          connection.close("could not re-admit the agent: " + reason);
        });
  }

  private void completeReregistration(Connection connection, AgentId id, AgentInfo info, List<ReportedTask> reported) {
    Agent agent = term.agents.get(id).orElseGet(() -> term.agents.add(id, info, Agent.Status.DISCONNECTED));
    agent.cancelTimer();
    agent
        .connection()
        .filter(old -> old.id() != connection.id())
        .ifPresent(
            old -> {
              term.agents.detach(agent, Agent.Status.DISCONNECTED);
              old.close("the agent re-registered on another connection");
            });
    if (agent.inAllocator()) {
      // Rebuilt below from what the agent reports, which may differ from what was known.
      offers.rescindAllOn(id, "agent re-registered");
      term.allocator.removeAgent(id);
      agent.inAllocator(false);
    }
    agent.info(info);
    ReregistrationPlan plan = ReregistrationPlan.of(id, term.tasks.onAgent(id), reported, f -> term.frameworks.get(f).isPresent(), term.now());
    plan.forget().forEach(task -> term.tasks.remove(task.frameworkId(), task.id()));
    plan.track().forEach(term.tasks::put);
    term.agents.attach(agent, connection);
    term.allocator.addAgent(id, info, info.resources(), term.tasks.usedOn(id));
    agent.inAllocator(true);
    agent.send(Events.registered(id));
    plan.shutdown().forEach(frameworkId -> agent.send(Events.shutdownFramework(frameworkId)));
    plan.updates().forEach((frameworkId, statuses) -> term.frameworks.get(frameworkId).ifPresent(f -> statuses.forEach(s -> f.send(Events.update(s)))));
    LOG.info("{} re-registered with {} tasks", agent, plan.track().size());
  }

  void connectionClosed(Connection connection, String reason) {
    admitting.remove(connection.id());
    term.agents
        .onConnection(connection.id())
        .ifPresent(
            agent -> {
              LOG.info("{} disconnected: {}", agent, reason);
              term.agents.detach(agent, Agent.Status.DISCONNECTED);
              offers.rescindAllOn(agent.id(), "agent disconnected");
              term.allocator.deactivateAgent(agent.id());
              agent.timer(term.timers.schedule(term.settings.agentPingTimeout(), () -> unreachable(agent)));
            });
  }

  private void unreachable(Agent agent) {
    String reason = agent + " did not come back within " + term.settings.agentPingTimeout().toMillis() + " ms";
    LOG.warn("{} is unreachable: {}", agent, reason);
    term.agents.status(agent, Agent.Status.UNREACHABLE);
    tasks.agentUnreachable(agent);
    for (Framework framework : term.frameworks.all()) {
      framework.send(Events.agentFailure(agent.id(), reason));
    }
  }
}
