package io.drover.master.term;

import io.drover.core.AgentId;
import io.drover.core.AgentInfo;
import io.drover.protocol.v1.AgentEvent;
import io.drover.protocol.v1.Frame;
import java.util.Optional;

/** An agent as the leading master sees it. Only touched on the master's thread. */
final class Agent extends Peer<AgentId, Agent.Status> {
  enum Status {
    /** Admitted before a failover; waiting for it to re-register. */
    RECOVERING,
    ACTIVE,
    /** Its connection closed; it has until the ping timeout to come back. */
    DISCONNECTED,
    UNREACHABLE
  }

  private AgentInfo info;
  private TermTimers.Timer timer;
  private boolean inAllocator;

  Agent(AgentId id, AgentInfo info, Status status) {
    super(id, status);
    this.info = info;
  }

  AgentInfo info() {
    return info;
  }

  void info(AgentInfo newInfo) {
    info = newInfo;
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
    send(Frame.newBuilder().setAgentEvent(event).build());
  }

  @Override
  public String toString() {
    return "agent " + id() + " (" + info.hostname() + ")";
  }
}
