package io.drover.sdk;

import io.drover.core.AgentId;
import io.drover.core.FrameworkId;
import io.drover.core.MasterInfo;
import io.drover.core.Offer;
import io.drover.core.OfferId;
import io.drover.core.TaskStatus;
import java.util.List;

/**
 * What a framework hears from the cluster. A driver calls these on one thread of its own, one at a time
 * and in the order the events arrived, so an implementation needs no locking for state it only touches
 * from callbacks. A callback should return promptly: while it runs, later events wait.
 */
public interface Scheduler {
  /**
   * The framework is subscribed to the leading master: the first time, and again after every
   * reconnection or master failover (always with the same id once it has one). The driver reconciles
   * every task implicitly right after this returns.
   */
  void subscribed(SchedulerDriver driver, FrameworkId frameworkId, MasterInfo master);

  /** Resources offered to the framework: accept or decline each offer. */
  void resourceOffers(SchedulerDriver driver, List<Offer> offers);

  /** An offer is no longer valid (its agent went away or it timed out). */
  void offerRescinded(SchedulerDriver driver, OfferId offerId);

  /**
   * A task changed state, or a reconciliation answer. Updates that need acknowledging are acknowledged
   * after this returns normally (unless the driver was built without automatic acknowledgement); if it
   * throws, the update is not acknowledged and will be delivered again.
   */
  void statusUpdate(SchedulerDriver driver, TaskStatus status);

  /** An agent was removed or became unreachable; its tasks' updates follow separately. */
  void agentLost(SchedulerDriver driver, AgentId agentId);

  /**
   * The connection to the subscribed master is gone. Outstanding offers are void; the driver reconnects
   * by itself and calls {@link #subscribed} again.
   */
  void disconnected(SchedulerDriver driver);

  /**
   * The master refused something or removed the framework. After a fatal error (the framework was torn
   * down or its failover timeout ran out) the driver stops right after this returns.
   */
  void error(SchedulerDriver driver, String message);
}
