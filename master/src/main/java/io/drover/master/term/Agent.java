package io.drover.master.term;

import io.drover.core.AgentId;
import io.drover.core.AgentInfo;
import io.drover.protocol.net.Connection;
import io.drover.protocol.v1.AgentEvent;
import io.drover.protocol.v1.Frame;
import java.util.Optional;

/** An agent as the leading master sees it. Only touched on the master's thread. */
final class Agent {
  enum Status {
    /** Admitted before a failover; waiting for it to re-register. */
    RECOVERING,
    ACTIVE,
    /** Its connection closed; it has until the ping timeout to come back. */
    DISCONNECTED,
    UNREACHABLE
  }

  private final AgentId id;
  private AgentInfo info;
  private Status status;
  private Connection connection;
  private TermTimers.Timer timer;
  private boolean inAllocator;

  Agent(AgentId id, AgentInfo info, Status status) {
    this.id = id;
    this.info = info;
    this.status = status;
  }

  AgentId id() {
    return id;
  }

  AgentInfo info() {
    return info;
  }

  void info(AgentInfo newInfo) {
    info = newInfo;
  }

  Status status() {
    return status;
  }

  void status(Status newStatus) {
    status = newStatus;
  }

  Optional<Connection> connection() {
    return Optional.ofNullable(connection);
  }

  void connection(Connection newConnection) {
    connection = newConnection;
  }

  boolean inAllocator() {
    return inAllocator;
  }

  void inAllocator(boolean added) {
    inAllocator = added;
  }

  /** Replaces the pending timer (ping timeout), cancelling the previous one. */
  void timer(TermTimers.Timer newTimer) {
    cancelTimer();
    timer = newTimer;
  }

  void cancelTimer() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
  }

  /** Sends if connected; a disconnected agent learns what it needs when it re-registers. */
  void send(AgentEvent event) {
    if (connection != null) {
      connection.send(Frame.newBuilder().setAgentEvent(event).build());
    }
  }

  @Override
  public String toString() {
    return "agent " + id + " (" + info.hostname() + ")";
  }
}
