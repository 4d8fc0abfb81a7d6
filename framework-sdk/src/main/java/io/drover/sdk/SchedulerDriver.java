package io.drover.sdk;

import io.drover.core.AgentId;
import io.drover.core.Filters;
import io.drover.core.FrameworkId;
import io.drover.core.OfferId;
import io.drover.core.TaskId;
import io.drover.core.TaskInfo;
import io.drover.core.TaskStatus;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A framework's connection to the cluster: keeps it subscribed to whichever master leads, delivers
 * events to its {@link Scheduler}, and carries its calls to the master. Every call is thread-safe and
 * may be made from inside a callback.
 *
 * <p>Calls return whether they were sent. While the driver is not subscribed (between a disconnection
 * and the next {@link Scheduler#subscribed}):
 *
 * <ul>
 *   <li>{@code accept}, {@code launch}, {@code decline} and {@code acknowledge} are dropped with a log
 *       line: offers die with the connection, and an unacknowledged update is delivered again;
 *   <li>{@code kill} and explicit {@code reconcile} are queued and sent, in call order, right after the
 *       next subscription (after its implicit reconciliation), so that neither is lost; an implicit
 *       {@code reconcile} is dropped, since every subscription reconciles implicitly anyway;
 *   <li>{@code suppress} and {@code revive} are remembered: the driver re-applies the framework's
 *       suppression (and any revive asked for meanwhile) after every subscription.
 * </ul>
 */
public interface SchedulerDriver {
  /** Connects and subscribes in the background; callbacks start with {@link Scheduler#subscribed}. */
  void start();

  /**
   * Stops the driver. With {@code failover} the framework stays registered, and its tasks keep
   * running, for its failover timeout so that a new instance can re-subscribe with the same id; without
   * it the framework is torn down and its tasks killed. No callback runs after this returns, except one
   * already running.
   */
  DriverStatus stop(boolean failover);

  /** Waits until the driver stops (by {@link #stop} or a fatal error) and says how it ended. */
  DriverStatus join() throws InterruptedException;

  /** Waits at most {@code timeout} for the driver to stop; true if it did. */
  boolean awaitTermination(Duration timeout) throws InterruptedException;

  DriverStatus status();

  /** The framework's id, once the master has given one (or the one it was built with). */
  Optional<FrameworkId> frameworkId();

  /**
   * Launches {@code tasks} on the resources of {@code offerIds} (all of one agent). What the tasks
   * leave unused goes back to the allocator, filtered for {@code filters}' refuse period.
   */
  boolean accept(Collection<OfferId> offerIds, Collection<TaskInfo> tasks, Filters filters);

  /** Launches {@code tasks} on one offer, with the default filters. */
  default boolean launch(OfferId offerId, Collection<TaskInfo> tasks) {
    return accept(List.of(offerId), tasks, Filters.DEFAULT);
  }

  boolean decline(Collection<OfferId> offerIds, Filters filters);

  /** Resumes offers for {@code roles} (every role of the framework if empty) and clears decline filters. */
  boolean revive(Set<String> roles);

  /** Stops offers for {@code roles} (every role of the framework if empty) until they are revived. */
  boolean suppress(Set<String> roles);

  /** Asks the agent to kill a task; its end arrives as a status update. */
  boolean kill(TaskId taskId, AgentId agentId);

  /** Acknowledges an update that carries a uuid; needed only when auto-acknowledgement is off. */
  boolean acknowledge(TaskStatus status);

  /**
   * Asks for the current state of {@code tasks}; the answers arrive as status updates with reason
   * RECONCILIATION. An empty list asks for every task the master knows for the framework.
   */
  boolean reconcile(Collection<ReconcileTask> tasks);
}
