package io.drover.master.term;

import io.drover.core.AgentId;
import io.drover.core.AgentInfo;
import io.drover.master.metrics.MasterMetrics;
import io.drover.master.reconciliation.AgentStanding;
import io.drover.protocol.net.Connection;
import java.util.Collection;
import java.util.Optional;

/** The agents of a term, by id and by connection, with a count per status kept for the metrics. */
final class Agents {
  private final PeerIndex<AgentId, Agent.Status, Agent> index;

  Agents(MasterMetrics metrics) {
    this.index = new PeerIndex<>(Agent.Status.class, metrics::agents);
  }

  Agent add(AgentId id, AgentInfo info, Agent.Status status) {
    return index.add(new Agent(id, info, status));
  }

  Optional<Agent> get(AgentId id) {
    return index.get(id);
  }

  Optional<Agent> onConnection(long connectionId) {
    return index.onConnection(connectionId);
  }

  /** Connects the agent on {@code connection}: it becomes ACTIVE. */
  void attach(Agent agent, Connection connection) {
    index.attach(agent, connection, Agent.Status.ACTIVE);
  }

  /** Forgets the agent's connection and moves it to {@code status}. */
  void detach(Agent agent, Agent.Status status) {
    index.detach(agent, status);
  }

  void status(Agent agent, Agent.Status status) {
    index.status(agent, status);
  }

  AgentStanding standing(AgentId id) {
    return index
        .get(id)
        .map(
            agent ->
                switch (agent.status()) {
                  case RECOVERING -> AgentStanding.RECOVERING;
                  case ACTIVE, DISCONNECTED -> AgentStanding.REGISTERED;
                  case UNREACHABLE -> AgentStanding.UNREACHABLE;
                })
        .orElse(AgentStanding.UNKNOWN);
  }

  int count(Agent.Status status) {
    return index.count(status);
  }

  Collection<Agent> all() {
    return index.all();
  }

  int size() {
    return index.size();
  }
}
