package io.drover.marathon.scheduling;

import io.drover.core.FrameworkInfo;
import io.drover.core.MasterInfo;
import io.drover.marathon.app.AppStatusSource;
import io.drover.marathon.deployment.Deployment;
import io.drover.marathon.deployment.DeploymentExecutor;
import io.drover.marathon.events.EventBus;
import io.drover.marathon.group.RootGroup;
import io.drover.marathon.instance.InstanceEvents;
import io.drover.marathon.instance.InstanceStatusSource;
import io.drover.marathon.instance.InstanceTracker;
import io.drover.marathon.launch.LaunchQueue;
import io.drover.marathon.storage.MarathonStorage;
import io.drover.protocol.net.ZkUrl;
import io.drover.sdk.DriverOptions;
import io.drover.sdk.SchedulerDriver;
import io.drover.sdk.ZooKeeperSchedulerDriver;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduling side of marathon-app, wired: instance tracker, launch queue, offer matcher,
 * {@link MarathonScheduler}, {@link DeploymentDriver} and the timed work, with a leader lifecycle.
 * The parts it hands out ({@link #scheduling}, {@link #deploymentExecutor}, {@link #statusSource},
 * {@link #queue}, {@link #instances}) live as long as the process; {@link #lead} and {@link #standDown}
 * bind them to one leadership term at a time.
 *
 * <p>On election: open the term's storage and let the deployment manager take over, then call {@link
 * #lead} with that storage and the manager's root group and deployments; on deposition, call {@link
 * #standDown} before closing the storage.
 */
public final class SchedulingService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SchedulingService.class);

  /**
   * Where the cluster's masters are ({@code zk://host:2181/drover}), how the framework presents itself
   * (without an id: the stored one is used), the scheduler's settings, and how often timed work runs.
   */
  public record Settings(String masterZkUrl, FrameworkInfo framework, SchedulerConfig scheduler, Duration tickInterval) {
    public Settings {
      ZkUrl.parse(masterZkUrl);
      Objects.requireNonNull(framework, "framework");
      Objects.requireNonNull(scheduler, "scheduler");
      Objects.requireNonNull(tickInterval, "tickInterval");
    }

    public static Settings defaults(String masterZkUrl) {
      return new Settings(masterZkUrl, FrameworkInfo.named("marathon"), SchedulerConfig.DEFAULTS, Duration.ofSeconds(1));
    }
  }

  private final Settings settings;
  private final TermStorage term = new TermStorage();
  private final InstanceTracker tracker;
  private final LaunchQueue queue;
  private final MarathonScheduler scheduler;
  private final ExecutorService deploymentThread;
  private final ScheduledExecutorService probeThreads;
  private final HostHealthChecks hostChecks;
  private final DeploymentDriver deployments;
  private final InstanceStatusSource status;
  private final InstanceEvents events;
  private final TickLoop ticks;
  private SchedulerDriver driver;

  public SchedulingService(Settings settings, EventBus bus, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.tracker = new InstanceTracker(term.instances());
    this.queue = new LaunchQueue(clock);
    this.probeThreads = Executors.newScheduledThreadPool(2, daemon("marathon-health-probe"));
    this.hostChecks = HostHealthChecks.overNetwork(probeThreads, clock);
    this.scheduler =
        new MarathonScheduler(
            settings.scheduler(),
            tracker,
            queue,
            new OfferMatcher(UUID::randomUUID, settings.scheduler().keepGpuAgentsForGpuApps()),
            term.frameworkId(),
            hostChecks,
            clock);
    this.deploymentThread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "marathon-deployments");
              thread.setDaemon(true);
              return thread;
            });
    this.deployments = new DeploymentDriver(scheduler, deploymentThread);
    this.status = new InstanceStatusSource(tracker, term.taskFailures(), hostChecks::results);
    this.events = new InstanceEvents(tracker, bus, clock);
    events.start();
    this.ticks =
        new TickLoop(
            () -> {
              scheduler.tick();
              deployments.tick();
            },
            settings.tickInterval());
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread thread = new Thread(r, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  public AppScheduling scheduling() {
    return scheduler;
  }

  public DeploymentExecutor deploymentExecutor() {
    return deployments;
  }

  public AppStatusSource statusSource() {
    return status;
  }

  /** What waits to launch, for {@code /v2/queue}. */
  public LaunchQueue queue() {
    return queue;
  }

  /** The master this framework last subscribed to, for the cluster proxy. */
  public Optional<MasterInfo> subscribedMaster() {
    return scheduler.subscribedMaster();
  }

  /** Every instance, for {@code /v2/tasks}. */
  public InstanceTracker instances() {
    return tracker;
  }

  /**
   * This process leads: loads the instances from the term's storage, sets the targets of the apps no
   * deployment changes, subscribes to the leading master (with the stored framework id, if any) and
   * starts the timed work. Deployments handed over meanwhile go on from here.
   */
  public synchronized void lead(MarathonStorage storage, RootGroup root, Collection<Deployment> underWay) {
    if (driver != null) {
      throw new IllegalStateException("already leading");
    }
    term.use(storage);
    status.load();
    FrameworkInfo framework = term.frameworkId().load().map(settings.framework()::withId).orElse(settings.framework());
    driver = new ZooKeeperSchedulerDriver(scheduler, framework, ZkUrl.parse(settings.masterZkUrl()), DriverOptions.DEFAULTS);
    scheduler.start(driver);
    deployments.adopt(root, underWay);
    deployments.tick();
    driver.start();
    ticks.start();
    LOG.info("Scheduling as framework {}", framework.id().map(Object::toString).orElse("(new)"));
  }

  /** No longer leads: timed work stops, the driver stops with failover (tasks keep running), state is dropped. */
  public synchronized void standDown() {
    if (driver == null) {
      return;
    }
    ticks.stop();
    driver.stop(true);
    driver = null;
    scheduler.stop();
    term.clear();
  }

  @Override
  public void close() {
    standDown();
    events.stop();
    deploymentThread.shutdownNow();
    probeThreads.shutdownNow();
  }
}
