package io.drover.master.term;

import io.drover.core.AgentId;
import io.drover.core.AgentInfo;
import io.drover.master.metrics.MasterMetrics;
import io.drover.master.reconciliation.AgentStanding;
import io.drover.protocol.net.Connection;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The agents of a term, by id and by connection, with a count per status kept for the metrics. */
final class Agents {
  private final Map<AgentId, Agent> byId = new HashMap<>();
  private final Map<Long, Agent> byConnection = new HashMap<>();
  private final EnumMap<Agent.Status, Integer> counts = new EnumMap<>(Agent.Status.class);
  private final MasterMetrics metrics;

  Agents(MasterMetrics metrics) {
    this.metrics = metrics;
    for (Agent.Status status : Agent.Status.values()) {
      counts.put(status, 0);
      metrics.agents(status.name(), 0);
    }
  }

  Agent add(AgentId id, AgentInfo info, Agent.Status status) {
    Agent agent = new Agent(id, info, status);
    if (byId.putIfAbsent(id, agent) != null) {
      throw new IllegalStateException("agent " + id + " is already known");
    }
    count(status, +1);
    return agent;
  }

  Optional<Agent> get(AgentId id) {
    return Optional.ofNullable(byId.get(id));
  }

  Optional<Agent> onConnection(long connectionId) {
    return Optional.ofNullable(byConnection.get(connectionId));
  }

  /** Connects the agent on {@code connection}: it becomes ACTIVE. */
  void attach(Agent agent, Connection connection) {
    agent.connection().ifPresent(old -> byConnection.remove(old.id()));
    agent.connection(connection);
    byConnection.put(connection.id(), agent);
    status(agent, Agent.Status.ACTIVE);
  }

  /** Forgets the agent's connection and moves it to {@code status}. */
  void detach(Agent agent, Agent.Status status) {
    agent.connection().ifPresent(old -> byConnection.remove(old.id()));
    agent.connection(null);
    status(agent, status);
  }

  void status(Agent agent, Agent.Status status) {
    if (agent.status() != status) {
      count(agent.status(), -1);
      agent.status(status);
      count(status, +1);
    }
  }

  AgentStanding standing(AgentId id) {
    Agent agent = byId.get(id);
    if (agent == null) {
      return AgentStanding.UNKNOWN;
    }
    return switch (agent.status()) {
      case RECOVERING -> AgentStanding.RECOVERING;
      case ACTIVE, DISCONNECTED -> AgentStanding.REGISTERED;
      case UNREACHABLE -> AgentStanding.UNREACHABLE;
    };
  }

  int count(Agent.Status status) {
    return counts.get(status);
  }

  Collection<Agent> all() {
    return List.copyOf(byId.values());
  }

  int size() {
    return byId.size();
  }

  private void count(Agent.Status status, int delta) {
    metrics.agents(status.name(), counts.merge(status, delta, Integer::sum));
  }
}
