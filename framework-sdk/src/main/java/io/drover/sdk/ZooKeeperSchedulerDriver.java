package io.drover.sdk;

import io.drover.core.AgentId;
import io.drover.core.Filters;
import io.drover.core.FrameworkId;
import io.drover.core.FrameworkInfo;
import io.drover.core.MasterInfo;
import io.drover.core.Offer;
import io.drover.core.OfferId;
import io.drover.core.TaskId;
import io.drover.core.TaskInfo;
import io.drover.core.TaskStatus;
import io.drover.protocol.FromProto;
import io.drover.protocol.net.MasterClient;
import io.drover.protocol.net.MasterDetector;
import io.drover.protocol.net.ZkUrl;
import io.drover.protocol.net.ZooKeeperClients;
import io.drover.protocol.v1.Frame;
import io.drover.protocol.v1.PeerRole;
import io.drover.protocol.v1.SchedulerEvent;
import io.drover.protocol.v1.Subscribed;
import io.drover.protocol.v1.Welcome;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SchedulerDriver} that finds the leading master through ZooKeeper ({@code
 * <root>/master/leader}) and talks to it over Drover's protocol connection.
 *
 * <p>Two threads do the work: the connection's network thread turns frames into events, and one
 * callback thread per driver runs the {@link Scheduler}'s callbacks in arrival order, followed by what
 * must come after them (acknowledgements, the implicit reconciliation after a subscription, queued
 * calls).
 */
public final class ZooKeeperSchedulerDriver implements SchedulerDriver {
  private static final Logger LOG = LoggerFactory.getLogger(ZooKeeperSchedulerDriver.class);

  private final Scheduler scheduler;
  private final FrameworkInfo frameworkInfo;
  private final ZkUrl zkUrl;
  private final DriverOptions options;
  private final Optional<CuratorFramework> sharedZooKeeper;
  private final ScheduledThreadPoolExecutor callbacks;
  private final CountDownLatch terminated = new CountDownLatch(1);
  private final OfferInterest interest;
  private final Queue<QueuedCall> queued = new ConcurrentLinkedQueue<>();

  private final Object lifecycle = new Object();
  private volatile DriverStatus status = DriverStatus.NOT_STARTED;
  private CuratorFramework zooKeeper;
  private MasterDetector detector;
  private volatile MasterClient client;

  private volatile Optional<FrameworkId> frameworkId;
  private volatile MasterInfo connectedMaster;
  private volatile boolean subscribed;
  /** Counts Subscribe calls, so that a timeout can tell whether its attempt is still the latest. */
  private final AtomicLong subscribeAttempts = new AtomicLong();
  /** Set once the driver stops or the framework was removed: never subscribe again. */
  private volatile boolean closing;

  /** A call kept while disconnected, built with the framework id once subscribed. */
  private record QueuedCall(String description, Function<FrameworkId, Frame> build) {}

  /**
   * A driver with the default options for the cluster at {@code zkUrl}, such as {@code
   * zk://host1:2181,host2:2181/drover}.
   *
   * @throws io.drover.core.InvalidValueException if {@code zkUrl} is not such a URL
   */
  public ZooKeeperSchedulerDriver(Scheduler scheduler, FrameworkInfo frameworkInfo, String zkUrl) {
    this(scheduler, frameworkInfo, ZkUrl.parse(zkUrl), DriverOptions.DEFAULTS);
  }

  /** A driver with a ZooKeeper client of its own, closed when the driver stops. */
  public ZooKeeperSchedulerDriver(Scheduler scheduler, FrameworkInfo frameworkInfo, ZkUrl zkUrl, DriverOptions options) {
    this(scheduler, frameworkInfo, zkUrl, options, Optional.empty());
  }

  /** A driver that shares the process's started ZooKeeper client and leaves it open when it stops. */
  public ZooKeeperSchedulerDriver(
      Scheduler scheduler, FrameworkInfo frameworkInfo, CuratorFramework zooKeeper, ZkUrl zkUrl, DriverOptions options) {
    this(scheduler, frameworkInfo, zkUrl, options, Optional.of(zooKeeper));
  }

  private ZooKeeperSchedulerDriver(
      Scheduler scheduler,
      FrameworkInfo frameworkInfo,
      ZkUrl zkUrl,
      DriverOptions options,
      Optional<CuratorFramework> sharedZooKeeper) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.frameworkInfo = Objects.requireNonNull(frameworkInfo, "frameworkInfo");
    this.zkUrl = Objects.requireNonNull(zkUrl, "zkUrl");
    this.options = Objects.requireNonNull(options, "options");
    this.sharedZooKeeper = sharedZooKeeper;
    this.frameworkId = frameworkInfo.id();
    this.interest = new OfferInterest(frameworkInfo.roles());
    String threadName = "scheduler-" + frameworkInfo.name();
    this.callbacks = new ScheduledThreadPoolExecutor(1, r -> new Thread(r, threadName));
    callbacks.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  @Override
  public void start() {
    synchronized (lifecycle) {
      if (status != DriverStatus.NOT_STARTED) {
        throw new IllegalStateException("the driver was already started (it is " + status + ")");
      }
      status = DriverStatus.RUNNING;
      zooKeeper = sharedZooKeeper.orElseGet(() -> ZooKeeperClients.start(zkUrl, options.zooKeeperSessionTimeout()));
      detector = new MasterDetector(zooKeeper, zkUrl);
      client =
          new MasterClient(
              detector, PeerRole.SCHEDULER, frameworkInfo.principal(), options.protocol(), options.reconnectBackoff(), new MasterEvents());
      client.start();
      detector.start();
    }
    LOG.info("Framework '{}' looking for the leading master at {}", frameworkInfo.name(), zkUrl);
  }

  @Override
  public DriverStatus stop(boolean failover) {
    synchronized (lifecycle) {
      if (status == DriverStatus.NOT_STARTED) {
        status = DriverStatus.STOPPED;
        callbacks.shutdown();
        terminated.countDown();
        return status;
      }
      if (status != DriverStatus.RUNNING) {
        return status;
      }
      closing = true;
    }
    if (!failover) {
      tearDown();
    }
    terminate(DriverStatus.STOPPED);
    return status;
  }

  private void tearDown() {
    Optional<FrameworkId> id = frameworkId;
    if (id.isEmpty()) {
      LOG.info("Framework '{}' stops before it was given an id: nothing to tear down", frameworkInfo.name());
    } else if (subscribed && client.send(SchedulerCalls.teardown(id.get()))) {
      LOG.info("Tearing down framework {}", id.get());
    } else {
      LOG.warn(
          "Cannot tear down framework {}: not connected to a master. It stays registered until its failover timeout ({}) runs out",
          id.get(),
          frameworkInfo.failoverTimeout());
    }
  }

  /** Ends the driver once: closes the connection and ZooKeeper, lets queued callbacks drain as no-ops. */
  private void terminate(DriverStatus end) {
    synchronized (lifecycle) {
      if (status != DriverStatus.RUNNING) {
        return;
      }
      status = end;
      closing = true;
      subscribed = false;
    }
    client.close();
    detector.close();
    if (sharedZooKeeper.isEmpty()) {
      zooKeeper.close();
    }
    callbacks.shutdown();
    terminated.countDown();
    LOG.info("Scheduler driver of framework {} {}", frameworkId.map(FrameworkId::value).orElse(frameworkInfo.name()), end);
  }

  @Override
  public DriverStatus join() throws InterruptedException {
    terminated.await();
    return status;
  }

  @Override
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    return terminated.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public DriverStatus status() {
    return status;
  }

  @Override
  public Optional<FrameworkId> frameworkId() {
    return frameworkId;
  }

  // ------------------------------------------------------------------ calls

  @Override
  public boolean accept(Collection<OfferId> offerIds, Collection<TaskInfo> tasks, Filters filters) {
    List<OfferId> ids = List.copyOf(offerIds);
    List<TaskInfo> launches = List.copyOf(tasks);
    if (sendNow(id -> SchedulerCalls.accept(id, ids, launches, filters))) {
      return true;
    }
    LOG.warn("Dropped accept of offers {} ({} tasks): not subscribed to a master, and offers die with the connection", ids, launches.size());
    return false;
  }

  @Override
  public boolean decline(Collection<OfferId> offerIds, Filters filters) {
    List<OfferId> ids = List.copyOf(offerIds);
    if (sendNow(id -> SchedulerCalls.decline(id, ids, filters))) {
      return true;
    }
    LOG.info("Dropped decline of offers {}: not subscribed to a master, and offers die with the connection", ids);
    return false;
  }

  @Override
  public boolean revive(Set<String> roles) {
    Set<String> asked = Set.copyOf(roles);
    interest.revived(asked);
    if (sendNow(id -> SchedulerCalls.revive(id, asked))) {
      return true;
    }
    interest.owesRevive();
    LOG.info("Not subscribed: reviving offers once subscribed");
    return false;
  }

  @Override
  public boolean suppress(Set<String> roles) {
    Set<String> asked = Set.copyOf(roles);
    interest.suppressed(asked);
    if (sendNow(id -> SchedulerCalls.suppress(id, asked))) {
      return true;
    }
    LOG.info("Not subscribed: suppressing offers once subscribed");
    return false;
  }

  @Override
  public boolean kill(TaskId taskId, AgentId agentId) {
    return sendOrQueue("kill of task " + taskId, id -> SchedulerCalls.kill(id, taskId, agentId));
  }

  @Override
  public boolean acknowledge(TaskStatus status) {
    if (status.uuid().isEmpty()) {
      LOG.debug("Update {} of task {} carries no uuid: nothing to acknowledge", status.state(), status.taskId());
      return false;
    }
    if (sendNow(id -> SchedulerCalls.acknowledge(id, status))) {
      return true;
    }
    LOG.info("Dropped acknowledgement of task {} ({}): not subscribed; the update will be delivered again", status.taskId(), status.state());
    return false;
  }

  @Override
  public boolean reconcile(Collection<ReconcileTask> tasks) {
    List<ReconcileTask> asked = List.copyOf(tasks);
    if (asked.isEmpty()) {
      // Every subscription reconciles implicitly, so an implicit request made while disconnected is moot.
      return sendNow(id -> SchedulerCalls.reconcile(id, asked));
    }
    return sendOrQueue("reconciliation of " + asked.size() + " tasks", id -> SchedulerCalls.reconcile(id, asked));
  }

  private boolean sendNow(Function<FrameworkId, Frame> call) {
    Optional<FrameworkId> id = frameworkId;
    return subscribed && id.isPresent() && client.send(call.apply(id.get()));
  }

  private boolean sendOrQueue(String description, Function<FrameworkId, Frame> call) {
    if (sendNow(call)) {
      return true;
    }
    if (closing || status != DriverStatus.RUNNING) {
      LOG.warn("Dropped {}: the driver is {}", description, status);
      return false;
    }
    queued.add(new QueuedCall(description, call));
    LOG.info("Not subscribed: queued {} until the next subscription", description);
    if (subscribed) {
      // The subscription completed while this call was being queued: send it now rather than next time.
      onCallbackThread(this::sendQueued);
    }
    return false;
  }

  /** Runs on the callback thread only, so queued calls leave in the order they were made. */
  private void sendQueued() {
    Optional<FrameworkId> id = frameworkId;
    QueuedCall next;
    while (id.isPresent() && (next = queued.peek()) != null) {
      if (!subscribed || !client.send(next.build().apply(id.get()))) {
        return;
      }
      queued.poll();
      LOG.info("Sent queued {}", next.description());
    }
  }

  // ------------------------------------------------------------------ events

  private void onCallbackThread(Runnable work) {
    try {
      callbacks.execute(
          () -> {
            if (status == DriverStatus.RUNNING) {
              work.run();
            }
          });
    } catch (RejectedExecutionException stopped) {
      LOG.debug("Driver stopped; event dropped");
    }
  }

  private void afterDelay(Duration delay, Runnable work) {
    try {
      callbacks.schedule(
          () -> {
            if (status == DriverStatus.RUNNING) {
              work.run();
            }
          },
          delay.toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopped) {
      LOG.debug("Driver stopped; timer dropped");
    }
  }

  private void retrySubscribeIfUnanswered(long attempt, MasterInfo master) {
    if (!subscribed && !closing && subscribeAttempts.get() == attempt) {
      LOG.warn("Master {} did not answer Subscribe within {}; reconnecting", master.id(), options.subscribeTimeout());
      client.reconnect("no answer to subscribe");
    }
  }

  /** Runs one scheduler callback; true if it returned normally. */
  private boolean callback(String name, Runnable call) {
    try {
      call.run();
      return true;
    } catch (RuntimeException e) {
      LOG.error("Scheduler.{} failed; the driver carries on", name, e);
      return false;
    }
  }

  private void onSubscribed(Subscribed event) {
    FrameworkId id = FrameworkId.of(event.getFrameworkId());
    MasterInfo master = event.hasMaster() ? FromProto.masterInfo(event.getMaster()) : connectedMaster;
    frameworkId = Optional.of(id);
    subscribed = true;
    LOG.info("Framework '{}' subscribed as {} to master {}", frameworkInfo.name(), id, master.id());
    onCallbackThread(
        () -> {
          callback("subscribed", () -> scheduler.subscribed(this, id, master));
          afterSubscribe(id);
        });
  }

  /** What every subscription is followed by: implicit reconciliation, offer interest, queued calls. */
  private void afterSubscribe(FrameworkId id) {
    if (!subscribed) {
      return; // disconnected again: the next subscription does this
    }
    client.send(SchedulerCalls.reconcile(id, List.of()));
    OfferInterest.Reapply reapply = interest.afterSubscribe();
    if (!reapply.suppress().isEmpty()) {
      client.send(SchedulerCalls.suppress(id, reapply.suppress()));
    }
    if (!reapply.revive().isEmpty()) {
      client.send(SchedulerCalls.revive(id, reapply.revive()));
    }
    sendQueued();
  }

  private void onUpdate(TaskStatus update) {
    onCallbackThread(
        () -> {
          boolean handled = callback("statusUpdate", () -> scheduler.statusUpdate(this, update));
          if (handled && options.autoAcknowledge() && update.uuid().isPresent()) {
            acknowledge(update);
          }
        });
  }

  private void onError(io.drover.protocol.v1.Error error) {
    String message = error.getMessage();
    if (!error.getFatal()) {
      LOG.warn("Master reports an error: {}", message);
      onCallbackThread(() -> callback("error", () -> scheduler.error(this, message)));
      return;
    }
    closing = true;
    subscribed = false;
    LOG.error("Master removed framework {}: {}", frameworkId.map(FrameworkId::value).orElse(frameworkInfo.name()), message);
    onCallbackThread(
        () -> {
          callback("error", () -> scheduler.error(this, message));
          terminate(DriverStatus.ABORTED);
        });
  }

  private void onEvent(SchedulerEvent event) {
    switch (event.getEventCase()) {
      case SUBSCRIBED -> onSubscribed(event.getSubscribed());
      case OFFERS -> {
        List<Offer> offers = event.getOffers().getOffersList().stream().map(FromProto::offer).toList();
        onCallbackThread(() -> callback("resourceOffers", () -> scheduler.resourceOffers(this, offers)));
      }
      case RESCIND -> {
        OfferId offerId = OfferId.of(event.getRescind().getOfferId());
        onCallbackThread(() -> callback("offerRescinded", () -> scheduler.offerRescinded(this, offerId)));
      }
      case UPDATE -> onUpdate(FromProto.taskStatus(event.getUpdate().getStatus()));
      case AGENT_FAILURE -> {
        AgentId agentId = AgentId.of(event.getAgentFailure().getAgentId());
        onCallbackThread(() -> callback("agentLost", () -> scheduler.agentLost(this, agentId)));
      }
      case ERROR -> onError(event.getError());
      default -> LOG.warn("Ignoring a scheduler event without content");
    }
  }

  /** Hears the connection; runs on its network thread and only hands work on. */
  private final class MasterEvents implements MasterClient.Listener {
    @Override
    public void connected(MasterInfo master, Welcome welcome) {
      if (closing) {
        return;
      }
      connectedMaster = master;
      LOG.info(
          "Subscribing framework '{}'{} to master {}",
          frameworkInfo.name(),
          frameworkId.map(id -> " (" + id + ")").orElse(""),
          master.id());
      client.send(SchedulerCalls.subscribe(frameworkInfo, frameworkId));
      long attempt = subscribeAttempts.incrementAndGet();
      afterDelay(options.subscribeTimeout(), () -> retrySubscribeIfUnanswered(attempt, master));
    }

    @Override
    public void frame(Frame frame) {
      if (closing) {
        return;
      }
      if (!frame.hasSchedulerEvent()) {
        LOG.warn("Ignoring a {} frame from the master", frame.getBodyCase());
        return;
      }
      try {
        onEvent(frame.getSchedulerEvent());
      } catch (RuntimeException e) {
        LOG.warn("Ignoring a malformed {} event from the master: {}", frame.getSchedulerEvent().getEventCase(), e.getMessage());
      }
    }

    @Override
    public void disconnected(String reason) {
      boolean wasSubscribed = subscribed;
      subscribed = false;
      if (!closing && wasSubscribed) {
        onCallbackThread(() -> callback("disconnected", () -> scheduler.disconnected(ZooKeeperSchedulerDriver.this)));
      }
    }
  }
}
