package io.drover.master.term;

import io.drover.core.FrameworkId;
import io.drover.core.FrameworkInfo;
import io.drover.protocol.v1.Frame;
import io.drover.protocol.v1.SchedulerEvent;
import java.time.Instant;
import java.util.Optional;

/** A framework as the leading master sees it. Only touched on the master's thread. */
final class Framework extends Peer<FrameworkId, Framework.Status> {
  enum Status {
    ACTIVE,
    /** Not connected (its connection closed, or not yet back after a failover); its failover timer runs. */
    DISCONNECTED
  }

  private FrameworkInfo info;
  private TermTimers.Timer failoverTimer;
  private Instant failoverDeadline;

  Framework(FrameworkId id, FrameworkInfo info, Status status) {
    super(id, status);
    this.info = info.withId(id);
  }

  FrameworkInfo info() {
    return info;
  }

  void info(FrameworkInfo newInfo) {
    info = newInfo.withId(id());
  }

  Optional<Instant> failoverDeadline() {
    return Optional.ofNullable(failoverDeadline);
  }

  void failover(Instant deadline, TermTimers.Timer timer) {
    cancelFailover();
    failoverDeadline = deadline;
    failoverTimer = timer;
  }

  void cancelFailover() {
    if (failoverTimer != null) {
      failoverTimer.cancel();
      failoverTimer = null;
    }
    failoverDeadline = null;
  }

  /** Sends if connected; a disconnected framework reconciles when it comes back. */
  void send(SchedulerEvent event) {
    send(Frame.newBuilder().setSchedulerEvent(event).build());
  }

  @Override
  public String toString() {
    return "framework " + id() + " (" + info.name() + ")";
  }
}
