package io.drover.marathon.scheduling;

import io.drover.core.AgentId;
import io.drover.core.Filters;
import io.drover.core.FrameworkId;
import io.drover.core.HealthCheck;
import io.drover.core.MasterInfo;
import io.drover.core.Offer;
import io.drover.core.OfferId;
import io.drover.core.TaskStatus;
import io.drover.marathon.app.UnreachableStrategy;
import io.drover.marathon.instance.Condition;
import io.drover.marathon.instance.Instance;
import io.drover.marathon.instance.InstanceId;
import io.drover.marathon.instance.InstanceListener;
import io.drover.marathon.instance.InstanceTracker;
import io.drover.marathon.instance.InstanceUpdate;
import io.drover.marathon.instance.KillMode;
import io.drover.marathon.instance.KillReason;
import io.drover.marathon.launch.LaunchQueue;
import io.drover.marathon.launch.PendingLaunch;
import io.drover.sdk.ReconcileTask;
import io.drover.sdk.Scheduler;
import io.drover.sdk.SchedulerDriver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps apps at their targets: the framework's {@link Scheduler}, and the {@link AppScheduling} that
 * deployments and the REST API drive. It wires the {@link InstanceTracker} (what runs), the {@link
 * LaunchQueue} (what waits, and its backoff) and the {@link OfferMatcher} (where new instances go).
 *
 * <ul>
 *   <li>After every change it converges the app: launches what its targets miss, kills the surplus;
 *       an instance that fails or finishes is replaced after the app's backoff.
 *   <li>Offers: used for what may launch now; the rest declined for a short while when instances
 *       wait, for longer when none do. Offers are suppressed when nothing waits (and no global app
 *       needs to hear of new agents), revived when something does, and revived whenever more may
 *       launch than before (a new app, a scale-up, a replacement, an ended delay): a revive lifts the
 *       framework's filters, so the next allocation offers every agent with room at once, and a batch
 *       spreads the new instances over all of them instead of piling them onto the few agents whose
 *       filters happened to end first. Such filter-lifting revives come at most every {@code
 *       minReviveInterval}; one asked for sooner is sent when the interval is over.
 *   <li>On every subscription it asks the master about its instances; a task the master reports that
 *       belongs to no known instance is killed.
 *   <li>An instance unreachable for its app's {@code inactiveAfter} is replaced, and forgotten after
 *       {@code expungeAfter}; if it comes back meanwhile, the surplus one is killed per kill selection.
 *   <li>An instance that fails its health check {@code maxConsecutiveFailures} times is killed and
 *       replaced, and its app's backoff grows.
 * </ul>
 *
 * <p>Every method runs under the scheduler's lock. {@link #tick} does the timed work and is meant to
 * be called about every second (see {@link TickLoop}).
 */
public final class MarathonScheduler implements Scheduler, AppScheduling {
  private static final Logger LOG = LoggerFactory.getLogger(MarathonScheduler.class);

  private record Target(RunSpec spec, int count) {}

  private record SeenOffer(Offer offer, Instant at) {}

  private final SchedulerConfig config;
  private final InstanceTracker tracker;
  private final LaunchQueue queue;
  private final OfferMatcher matcher;
  private final FrameworkIdStore frameworkIds;
  private final HostHealthChecks hostChecks;
  private final Clock clock;
  private final Map<String, Map<String, Target>> targets = new LinkedHashMap<>();
  /**
   * Agents seen in offers and not lost since, with the latest offer of each: where global apps belong,
   * and (those seen lately) the peers a batch of offers leaves room for when it spreads an app.
   */
  private final Map<AgentId, SeenOffer> knownAgents = new HashMap<>();
  /** How many instances could launch at the last look: more than that calls for a revive. */
  private int launchableBefore;
  /** A revive to lift the decline filters waits for {@code minReviveInterval} to pass since the last one. */
  private boolean filterLiftWanted;
  private Instant lastRevive = Instant.MIN;
  private SchedulerDriver driver;
  /** Read by HTTP threads (the cluster proxy), written on subscription. */
  private volatile MasterInfo subscribedTo;
  private boolean suppressed;
  /** Offers were declined for the long idle period; a revive clears that when work arrives. */
  private boolean idleFiltersOutstanding;

  public MarathonScheduler(
      SchedulerConfig config,
      InstanceTracker tracker,
      LaunchQueue queue,
      OfferMatcher matcher,
      FrameworkIdStore frameworkIds,
      HostHealthChecks hostChecks,
      Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.hostChecks = Objects.requireNonNull(hostChecks, "hostChecks");
    this.tracker = Objects.requireNonNull(tracker, "tracker");
    this.queue = Objects.requireNonNull(queue, "queue");
    this.matcher = Objects.requireNonNull(matcher, "matcher");
    this.frameworkIds = Objects.requireNonNull(frameworkIds, "frameworkIds");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Takes over: loads the stored instances and attaches the driver that carries the scheduler's calls.
   * Call before the driver starts and before any target is set.
   */
  public synchronized void start(SchedulerDriver schedulerDriver) {
    this.driver = Objects.requireNonNull(schedulerDriver, "schedulerDriver");
    tracker.load();
    LOG.info("Scheduler started with {} stored instances", tracker.all().size());
  }

  /**
   * Stops acting: forgets targets, known agents and what waited to launch, and detaches the driver
   * (which the caller stops). Instances stay in storage for the next leader.
   */
  public synchronized void stop() {
    driver = null;
    hostChecks.clear();
    targets.clear();
    knownAgents.clear();
    launchableBefore = 0;
    filterLiftWanted = false;
    lastRevive = Instant.MIN;
    queue.clear();
    suppressed = false;
    idleFiltersOutstanding = false;
    LOG.info("Scheduler stopped");
  }

  @Override
  public synchronized boolean isActive() {
    return driver != null;
  }

  // ---- AppScheduling

  @Override
  public synchronized void scale(RunSpec spec, int target) {
    requireStarted();
    if (target < 0) {
      throw new IllegalArgumentException("target must be >= 0, not " + target);
    }
    targets.computeIfAbsent(spec.appId(), a -> new LinkedHashMap<>()).put(spec.version(), new Target(spec, target));
    converge(spec.appId());
    updateOfferInterest();
  }

  @Override
  public synchronized void removeApp(String appId) {
    requireStarted();
    targets.remove(appId);
    queue.removeApp(appId);
    Instant now = clock.instant();
    for (Instance instance : tracker.instancesOf(appId)) {
      if (!instance.isDecommissioned()) {
        kill(instance, KillReason.APP_REMOVED, now);
      }
      if (instance.condition().isUnreachable()) {
        tracker.expunge(instance.id());
      }
    }
    updateOfferInterest();
  }

  @Override
  public synchronized void kill(Collection<InstanceId> instanceIds, KillMode mode) {
    requireStarted();
    Instant now = clock.instant();
    Set<String> apps = new LinkedHashSet<>();
    for (InstanceId id : instanceIds) {
      // a wipe also forgets instances already being killed (say, on an agent that is gone)
      Optional<Instance> found = tracker.get(id).filter(i -> mode == KillMode.WIPE || !i.isDecommissioned());
      if (found.isEmpty()) {
        continue;
      }
      Instance instance = found.get();
      apps.add(instance.appId());
      if (mode == KillMode.WIPE) {
        tracker.expunge(instance.id());
        driver.kill(instance.id().taskId(), instance.agentId());
        continue;
      }
      if (mode == KillMode.SCALE_DOWN) {
        Target target = targets.getOrDefault(instance.appId(), Map.of()).get(instance.appVersion());
        if (target != null) {
          targets.get(instance.appId()).put(instance.appVersion(), new Target(target.spec(), Math.max(0, target.count() - 1)));
        }
      }
      kill(instance, mode == KillMode.SCALE_DOWN ? KillReason.SCALING_DOWN : KillReason.REQUESTED, now);
    }
    apps.forEach(this::converge);
    updateOfferInterest();
  }

  @Override
  public synchronized void retireOtherVersions(String appId, String keepVersion) {
    Map<String, Target> ofApp = targets.get(appId);
    if (ofApp == null) {
      return;
    }
    for (String version : List.copyOf(ofApp.keySet())) {
      if (!version.equals(keepVersion)) {
        ofApp.remove(version);
        queue.setWanted(appId, version, 0);
      }
    }
    if (ofApp.isEmpty()) {
      targets.remove(appId);
    }
    updateOfferInterest();
  }

  @Override
  public int waitingToLaunch(String appId, String version) {
    return queue.wanted(appId, version);
  }

  @Override
  public synchronized void resetDelay(String appId) {
    queue.resetDelay(appId);
  }

  @Override
  public synchronized OptionalInt target(String appId, String version) {
    Target target = targets.getOrDefault(appId, Map.of()).get(version);
    return target == null ? OptionalInt.empty() : OptionalInt.of(target.count());
  }

  @Override
  public List<Instance> instances(String appId) {
    return tracker.instancesOf(appId);
  }

  @Override
  public void addInstanceListener(InstanceListener listener) {
    tracker.addListener(listener);
  }

  /** The master this framework last subscribed to. */
  public Optional<MasterInfo> subscribedMaster() {
    return Optional.ofNullable(subscribedTo);
  }

  // ---- Scheduler

  @Override
  public synchronized void subscribed(SchedulerDriver schedulerDriver, FrameworkId frameworkId, MasterInfo master) {
    if (driver == null) {
      return;
    }
    frameworkIds.store(frameworkId);
    subscribedTo = master;
    List<ReconcileTask> known =
        tracker.all().stream().filter(i -> !i.condition().isTerminal()).map(i -> ReconcileTask.of(i.id().taskId(), i.agentId())).toList();
    LOG.info("Subscribed as {} to master {}; reconciling {} known instances", frameworkId, master.id(), known.size());
    if (!known.isEmpty()) {
      schedulerDriver.reconcile(known);
    }
    updateOfferInterest();
  }

  @Override
  public synchronized void resourceOffers(SchedulerDriver schedulerDriver, List<Offer> offers) {
    if (driver == null) {
      return;
    }
    Instant now = clock.instant();
    List<Offer> peerOffers = peerOffers(offers, now);
    boolean newAgents = false;
    for (Offer offer : offers) {
      newAgents |= knownAgents.put(offer.agentId(), new SeenOffer(offer, now)) == null;
    }
    if (newAgents) {
      globalApps().forEach(this::converge);
    }
    List<LaunchRequest> requests = new ArrayList<>();
    for (PendingLaunch pending : queue.launchable()) {
      Target target = targets.getOrDefault(pending.appId(), Map.of()).get(pending.version());
      if (target != null) {
        requests.add(new LaunchRequest(target.spec(), pending.count()));
      }
    }
    List<Offer> unused = offers;
    if (!requests.isEmpty()) {
      MatchResult result = matcher.match(offers, requests, tracker.placementView(), peerOffers, now);
      result.launches().forEach(this::launch);
      // An agent used here has only the rest to offer: judged on its whole offer it would stay a peer.
      result.launches().forEach(launch -> knownAgents.put(launch.offer().agentId(), new SeenOffer(launch.remainder(), now)));
      result.outcomesByApp().forEach(queue::offersProcessed);
      unused = result.unusedOffers();
      requests.stream().map(r -> r.spec().appId()).distinct().forEach(this::converge);
    }
    decline(unused);
    updateOfferInterest();
  }

  /**
   * The latest offers of the agents outside this batch that offered within twice the short decline
   * filter: while instances wait, each agent with room offers again within that filter.
   */
  private List<Offer> peerOffers(List<Offer> batch, Instant now) {
    Set<AgentId> inBatch = new HashSet<>();
    batch.forEach(offer -> inBatch.add(offer.agentId()));
    Instant lately = now.minus(config.declineRefuse().multipliedBy(2));
    return knownAgents.values().stream()
        .filter(seen -> !inBatch.contains(seen.offer().agentId()) && seen.at().isAfter(lately))
        .map(SeenOffer::offer)
        .toList();
  }

  @Override
  public void offerRescinded(SchedulerDriver schedulerDriver, OfferId offerId) {
    // Offers are used or declined as they arrive; none is held.
  }

  @Override
  public synchronized void statusUpdate(SchedulerDriver schedulerDriver, TaskStatus status) {
    if (driver == null) {
      throw new IllegalStateException("the scheduler is stopped: the update stays unacknowledged for the next leader");
    }
    Instant now = clock.instant();
    Optional<Instance> before = InstanceId.of(status.taskId()).flatMap(tracker::get);
    if (before.isEmpty()) {
      killUnknown(status);
      return;
    }
    Instance instance = before.get();
    InstanceUpdate update = tracker.update(status, now).orElseThrow();
    if (update instanceof InstanceUpdate.Ended ended) {
      if (countsAsFailure(instance, ended.last())) {
        specFor(instance).ifPresent(spec -> queue.launchFailed(instance.appId(), instance.appVersion(), spec.backoff()));
      }
      LOG.info("Instance {} ended {}: {}", instance.id(), ended.last().condition().marathonName(), status.message());
    } else if (update instanceof InstanceUpdate.Changed changed) {
      review(changed.next(), now);
    }
    converge(instance.appId());
    updateOfferInterest();
  }

  @Override
  public synchronized void agentLost(SchedulerDriver schedulerDriver, AgentId agentId) {
    LOG.warn("Agent {} lost; its instances' updates follow", agentId);
    if (knownAgents.remove(agentId) != null) {
      globalApps().forEach(this::converge);
      updateOfferInterest();
    }
  }

  @Override
  public void disconnected(SchedulerDriver schedulerDriver) {
    LOG.warn("Disconnected from the master; waiting to subscribe again");
  }

  @Override
  public void error(SchedulerDriver schedulerDriver, String message) {
    LOG.error("Master reports: {}", message);
  }

  // ---- timed work

  /**
   * The timed part: gives up on instances unreachable for too long, kills instances unhealthy for too
   * long, sends kills again that were not answered, and converges what changed.
   */
  public synchronized void tick() {
    if (driver == null) {
      return;
    }
    Instant now = clock.instant();
    Set<String> changed = new LinkedHashSet<>();
    watchHostChecks();
    for (Instance instance : tracker.all()) {
      if (review(instance, now)) {
        changed.add(instance.appId());
      } else if (instance.kill().isPresent() && !now.isBefore(instance.kill().get().requestedAt().plus(config.killRetryInterval()))) {
        LOG.info("Kill of instance {} not answered yet; sending it again", instance.id());
        kill(instance, instance.kill().get().reason(), now);
      }
    }
    changed.forEach(this::converge);
    updateOfferInterest();
  }

  // ---- deciding and doing

  /**
   * Has marathon-app probe the host checks of running instances, and stop probing the others; keeps
   * the checks' new verdicts in the instances, where they count in their health.
   */
  private void watchHostChecks() {
    Set<InstanceId> watched = new HashSet<>();
    for (Instance instance : tracker.all()) {
      // Only by the checks it was launched with: an instance of a retired version keeps its last verdicts while it is replaced.
      Optional<RunSpec> spec = launchedWith(instance);
      if (spec.isPresent() && !spec.get().hostHealthChecks().isEmpty() && instance.condition() == Condition.RUNNING && instance.kill().isEmpty()) {
        List<HealthCheck> checks = spec.get().hostHealthChecks();
        hostChecks.watch(instance, checks);
        watched.add(instance.id());
        tracker.hostChecksJudged(instance.id(), hostChecks.states(instance, checks));
      }
    }
    hostChecks.retain(watched);
  }

  /**
   * Applies the app's timed rules to one instance: unreachable for too long, unhealthy for good.
   * True if the instance changed.
   */
  private boolean review(Instance instance, Instant now) {
    Optional<RunSpec> spec = specFor(instance);
    if (spec.isEmpty()) {
      // No target yet (just after a leader change): nothing says how long to wait for it.
      return false;
    }
    UnreachableStrategy unreachable = spec.get().unreachableStrategy();
    Duration inactiveAfter = Duration.ofSeconds(unreachable.inactiveAfterSeconds());
    // Inactive since inactiveAfter into the outage: the rest of expungeAfter is left.
    Duration expungeAfterInactive = Duration.ofSeconds(Math.max(0, unreachable.expungeAfterSeconds() - unreachable.inactiveAfterSeconds()));
    Instance current = instance;
    boolean changed = false;
    if (unreachable.enabled() && current.condition() == Condition.UNREACHABLE && !now.isBefore(current.conditionSince().plus(inactiveAfter))) {
      LOG.info("Instance {} unreachable for {}: replacing it", current.id(), inactiveAfter);
      current = tracker.markInactive(current.id(), now).orElse(current);
      changed = true;
    }
    if (unreachable.enabled() && current.condition() == Condition.UNREACHABLE_INACTIVE && !now.isBefore(current.conditionSince().plus(expungeAfterInactive))) {
      LOG.info("Instance {} unreachable for {}s: forgetting it", current.id(), unreachable.expungeAfterSeconds());
      tracker.expunge(current.id());
      driver.kill(current.id().taskId(), current.agentId());
      return true;
    }
    if (HealthPolicy.failedForGood(current, spec.get().healthCheck(), now)) {
      LOG.info("Instance {} failed its health check {} times: replacing it", current.id(), current.agentHealth().consecutiveFailures());
      kill(current, KillReason.UNHEALTHY, now);
      changed = true;
    } else if (current.kill().isEmpty()) {
      List<HealthCheck> ownChecks = launchedWith(current).map(RunSpec::hostHealthChecks).orElse(List.of());
      if (hostChecks.failedForGood(current.id(), ownChecks)) {
        LOG.info("Instance {} failed a health check run from marathon-app too often: replacing it", current.id());
        // Probes answer on their own thread: the failure that condemns it may have come after this tick kept
        // the verdicts, and a killed instance is no longer watched. Keep them now, so its health says why.
        current = tracker.hostChecksJudged(current.id(), hostChecks.states(current, ownChecks)).orElse(current);
        kill(current, KillReason.UNHEALTHY, now);
        changed = true;
      }
    }
    return changed;
  }

  /** Brings each version of the app to its target: sets what waits to launch, kills the surplus. */
  private void converge(String appId) {
    Map<String, Target> ofApp = targets.get(appId);
    if (ofApp == null) {
      return;
    }
    Instant now = clock.instant();
    List<Instance> all = tracker.instancesOf(appId);
    for (Target target : List.copyOf(ofApp.values())) {
      RunSpec spec = target.spec();
      List<Instance> ofVersion = all.stream().filter(i -> i.appVersion().equals(spec.version())).toList();
      Convergence.Plan plan =
          spec.isGlobal()
              ? Convergence.global(target.count(), ofVersion, all, knownAgents.keySet(), spec.killSelection())
              : Convergence.toTarget(target.count(), ofVersion, spec.killSelection());
      plan.kill().forEach(i -> kill(i, KillReason.SCALING_DOWN, now));
      queue.setWanted(appId, spec.version(), plan.launch());
      if (target.count() == 0) {
        ofApp.remove(spec.version());
      }
    }
    if (ofApp.isEmpty()) {
      targets.remove(appId);
    }
  }

  private void launch(OfferLaunch launch) {
    List<Instance> instances = launch.instances();
    tracker.launched(instances);
    if (!driver.accept(List.of(launch.offer().id()), launch.tasks(), new Filters(config.declineRefuse()))) {
      // Not subscribed: the tasks never went out.
      instances.forEach(i -> tracker.expunge(i.id()));
      return;
    }
    LOG.info("Launching {} instances on {}: {}", instances.size(), launch.offer().hostname(), instances.stream().map(i -> i.id().value()).toList());
  }

  private void decline(List<Offer> offers) {
    if (offers.isEmpty()) {
      return;
    }
    boolean idle = queue.isEmpty();
    driver.decline(offers.stream().map(Offer::id).toList(), new Filters(idle ? config.idleDeclineRefuse() : config.declineRefuse()));
    idleFiltersOutstanding |= idle;
  }

  /**
   * Suppresses offers when nothing waits to launch (and no global app waits for new agents), revives when
   * something does; lifts the decline filters by a revive when more may launch than before, at most every
   * {@code minReviveInterval}.
   */
  private void updateOfferInterest() {
    if (driver == null) {
      return;
    }
    Instant now = clock.instant();
    boolean launchesWait = !queue.isEmpty();
    boolean wantOffers = launchesWait || !globalApps().isEmpty();
    int launchable = queue.launchableCount();
    filterLiftWanted |= launchable > launchableBefore || (launchesWait && idleFiltersOutstanding);
    launchableBefore = launchable;
    boolean liftFiltersNow = filterLiftWanted && !now.isBefore(lastRevive.plus(config.minReviveInterval()));
    if ((wantOffers && suppressed) || (launchesWait && liftFiltersNow)) {
      LOG.info("Instances wait to be launched: reviving offers");
      driver.revive(config.roles());
      suppressed = false;
      idleFiltersOutstanding = false;
      filterLiftWanted = false;
      lastRevive = now;
    } else if (!wantOffers && !suppressed) {
      LOG.info("Nothing waits to be launched: suppressing offers");
      driver.suppress(config.roles());
      suppressed = true;
      filterLiftWanted = false;
    }
  }

  private void kill(Instance instance, KillReason reason, Instant now) {
    tracker.requestKill(instance.id(), reason, now);
    driver.kill(instance.id().taskId(), instance.agentId());
  }

  private void killUnknown(TaskStatus status) {
    if (status.state().isTerminal()) {
      return;
    }
    if (status.agentId().isEmpty()) {
      LOG.warn("Unknown task {} reported {} without an agent: cannot kill it", status.taskId(), status.state());
      return;
    }
    LOG.warn("Unknown task {} reported {} on agent {}: killing it", status.taskId(), status.state(), status.agentId().get());
    driver.kill(status.taskId(), status.agentId().get());
  }

  /** Whether an instance's end holds back further launches of its app version. */
  private static boolean countsAsFailure(Instance before, Instance last) {
    if (before.isDecommissioned()) {
      return false;
    }
    return switch (last.condition()) {
      case FAILED, FINISHED, ERROR, DROPPED -> true;
      case KILLED -> before.kill().map(k -> k.reason().growsBackoff()).orElse(true);
      default -> false;
    };
  }

  /** The spec the instance was launched with, else the app's newest known one. */
  private Optional<RunSpec> specFor(Instance instance) {
    Map<String, Target> ofApp = targets.get(instance.appId());
    if (ofApp == null || ofApp.isEmpty()) {
      return Optional.empty();
    }
    return launchedWith(instance).or(() -> Optional.of(new ArrayList<>(ofApp.values()).get(ofApp.size() - 1).spec()));
  }

  /** The spec of the instance's own version, while that version has a target. */
  private Optional<RunSpec> launchedWith(Instance instance) {
    return Optional.ofNullable(targets.getOrDefault(instance.appId(), Map.of()).get(instance.appVersion())).map(Target::spec);
  }

  private List<String> globalApps() {
    List<String> global = new ArrayList<>();
    targets.forEach((app, versions) -> {
      if (versions.values().stream().anyMatch(t -> t.spec().isGlobal())) {
        global.add(app);
      }
    });
    return global;
  }

  private void requireStarted() {
    if (driver == null) {
      throw new IllegalStateException("the scheduler is not started");
    }
  }
}
