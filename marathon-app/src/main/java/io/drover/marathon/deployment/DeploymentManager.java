package io.drover.marathon.deployment;

import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.app.PathId;
import io.drover.marathon.app.ValidationException;
import io.drover.marathon.app.Violation;
import io.drover.marathon.group.Group;
import io.drover.marathon.group.GroupValidator;
import io.drover.marathon.group.RootGroup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's wanted state and the deployments that move the cluster to it. Every change of the root
 * group goes through {@link #deploy}: the change is applied to the current root, validated, versioned
 * ({@link VersionStamper}) after its service ports are assigned ({@link ServicePorts}), planned ({@link DeploymentPlanner}), checked against the deployments under
 * way (an app changed by one is locked unless forced), stored together with its deployment, and only
 * then handed to the {@link DeploymentExecutor} and announced to the {@link DeploymentListener}.
 *
 * <p>The executor reports back through {@link DeploymentProgress}; each finished step is stored so that
 * a new leader resumes at it ({@link #takeOver}). Beyond Marathon, a step of an app labelled with a
 * progress deadline fails the deployment when it takes longer, and a deployment of an app labelled
 * rollback-on-failure is then rolled back.
 *
 * <p>Thread-safe: all state changes happen under this object's lock.
 */
public final class DeploymentManager implements DeploymentProgress {
  private static final Logger LOG = LoggerFactory.getLogger(DeploymentManager.class);

  private final DeploymentExecutor executor;
  private final DeploymentListener listener;
  private final Clock clock;
  private final ScheduledExecutorService timers;
  private final ServicePortRange servicePorts;

  private StateRepository repository;
  private RootGroup root = RootGroup.empty();
  private final Map<String, Deployment> deployments = new LinkedHashMap<>();
  /** The ids of the deployments changing each app, so that listing apps with their deployments stays cheap. */
  private final Map<PathId, Set<String>> deploymentsByApp = new HashMap<>();
  private final Map<String, ScheduledFuture<?>> deadlines = new HashMap<>();

  public DeploymentManager(
      DeploymentExecutor executor, DeploymentListener listener, Clock clock, ScheduledExecutorService timers, ServicePortRange servicePorts) {
    this.executor = executor;
    this.listener = listener;
    this.clock = clock;
    this.timers = timers;
    this.servicePorts = servicePorts;
  }

  /** With Marathon's default service port range. */
  public DeploymentManager(DeploymentExecutor executor, DeploymentListener listener, Clock clock, ScheduledExecutorService timers) {
    this(executor, listener, clock, timers, ServicePortRange.DEFAULT);
  }

  /**
   * A change of the root group: what to do to it, which apps to restart even if unchanged, whether to
   * override locks, and which apps go back to an earlier definition (a rollback): those keep that
   * definition's configuration version, so that instances still running it are not replaced.
   */
  public record Change(UnaryOperator<RootGroup> update, Set<PathId> restart, boolean force, Set<PathId> restore) {
    public Change {
      restart = Set.copyOf(restart);
      restore = Set.copyOf(restore);
    }

    public Change(UnaryOperator<RootGroup> update, Set<PathId> restart, boolean force) {
      this(update, restart, force, Set.of());
    }

    public static Change of(UnaryOperator<RootGroup> update, boolean force) {
      return new Change(update, Set.of(), force);
    }
  }

  /** Becomes the leader's state: loads the root group and resumes the deployments where they stood. */
  public synchronized void takeOver(StateRepository state) {
    standDown();
    repository = state;
    root = state.loadRootGroup();
    for (Deployment deployment : state.loadDeployments()) {
      track(deployment);
      LOG.info("Resuming deployment {} at step {} of {}", deployment.id(), deployment.currentStep() + 1, deployment.plan().steps().size());
      executor.start(deployment, this);
      scheduleDeadline(deployment);
    }
  }

  /** Stops acting as the leader: no more changes, deployments no longer driven from here. */
  public synchronized void standDown() {
    deadlines.values().forEach(timer -> timer.cancel(false));
    deadlines.clear();
    deployments.keySet().forEach(executor::cancel);
    deployments.clear();
    deploymentsByApp.clear();
    repository = null;
    root = RootGroup.empty();
  }

  public synchronized boolean isLeading() {
    return repository != null;
  }

  public synchronized RootGroup root() {
    requireLeading();
    return root;
  }

  /** The deployments under way, oldest first. */
  public synchronized List<Deployment> deployments() {
    requireLeading();
    return List.copyOf(deployments.values());
  }

  /** The ids of the deployments under way that change {@code appId}. */
  public synchronized List<String> deploymentsOf(PathId appId) {
    requireLeading();
    return List.copyOf(deploymentsByApp.getOrDefault(appId, Set.of()));
  }

  public synchronized List<Instant> appVersions(PathId appId) {
    requireLeading();
    return repository.appVersions(appId);
  }

  public synchronized Optional<AppDefinition> appVersion(PathId appId, Instant version) {
    requireLeading();
    return repository.appVersion(appId, version);
  }

  public synchronized List<Instant> groupVersions(PathId groupId) {
    requireLeading();
    return repository.groupVersions(groupId);
  }

  public synchronized Optional<Group> groupAt(PathId groupId, Instant version) {
    requireLeading();
    return repository.groupAt(groupId, version);
  }

  /**
   * Applies {@code change} and starts the deployment it takes; returns its plan (possibly empty, when
   * nothing needs to move). Throws {@link ValidationException}, {@link AppLockedException}, {@link
   * NotLeaderException}, or whatever {@code change.update()} throws.
   */
  public synchronized DeploymentPlan deploy(Change change) {
    requireLeading();
    Instant version = nextVersion();
    RootGroup wanted = change.update().apply(root);
    List<Violation> violations = new ArrayList<>(GroupValidator.validateRoot(wanted));
    violations.addAll(ServicePorts.conflicts(root, wanted));
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
    RootGroup ported = ServicePorts.assign(root, wanted, servicePorts);
    RootGroup target = VersionStamper.stamp(root, ported, version, change.restart(), change.restore());
    DeploymentPlan plan = DeploymentPlanner.plan(UUID.randomUUID().toString(), root, target, version);
    List<String> conflicting =
        deployments.values().stream().filter(d -> d.plan().affectedApps().stream().anyMatch(plan::affects)).map(Deployment::id).toList();
    if (!conflicting.isEmpty() && !change.force()) {
      throw new AppLockedException(conflicting);
    }
    List<Deployment> started = plan.isEmpty() ? List.of() : List.of(Deployment.starting(plan));
    repository.write(root, target, started, conflicting);
    for (String cancelled : conflicting) {
      LOG.info("Deployment {} cancelled by forced deployment {}", cancelled, plan.id());
      forget(cancelled);
      executor.cancel(cancelled);
    }
    root = target;
    listener.groupChanged(target);
    if (plan.isEmpty()) {
      listener.succeeded(plan);
      return plan;
    }
    Deployment deployment = started.get(0);
    track(deployment);
    listener.started(deployment);
    executor.start(deployment, this);
    scheduleDeadline(deployment);
    return plan;
  }

  /**
   * {@code DELETE /v2/deployments/{id}}: stops the deployment and, unless {@code force}, starts a new
   * one that puts its apps back as they were before it (returned). With {@code force} the apps stay
   * wherever the cancelled deployment left them and nothing is returned.
   */
  public synchronized Optional<DeploymentPlan> rollback(String deploymentId, boolean force) {
    requireLeading();
    Deployment deployment = deployments.get(deploymentId);
    if (deployment == null) {
      throw new UnknownDeploymentException(deploymentId);
    }
    if (force) {
      repository.write(root, root, List.of(), List.of(deploymentId));
      forget(deploymentId);
      executor.cancel(deploymentId);
      listener.failed(deployment.plan(), "cancelled");
      return Optional.empty();
    }
    return Optional.of(revert(deployment.plan()));
  }

  /** Deploys the apps of {@code plan} back to their original definitions, overriding the plan's own deployment. */
  private DeploymentPlan revert(DeploymentPlan plan) {
    return deploy(new Change(current -> {
      RootGroup reverted = current;
      for (PathId appId : plan.affectedApps()) {
        AppDefinition original = plan.original().get(appId);
        reverted = original == null ? reverted.removeApp(appId) : reverted.putApp(original);
      }
      return reverted;
    }, Set.of(), true, plan.affectedApps().stream().filter(plan.original()::containsKey).collect(Collectors.toSet())));
  }

  @Override
  public synchronized void stepFinished(String deploymentId, int stepIndex) {
    Deployment deployment = deployments.get(deploymentId);
    if (deployment == null || repository == null || deployment.currentStep() != stepIndex) {
      return;
    }
    cancelDeadline(deploymentId);
    if (stepIndex + 1 >= deployment.plan().steps().size()) {
      repository.write(root, root, List.of(), List.of(deploymentId));
      forget(deploymentId);
      LOG.info("Deployment {} finished", deploymentId);
      listener.succeeded(deployment.plan());
      return;
    }
    Deployment next = deployment.withCurrentStep(stepIndex + 1);
    repository.write(root, root, List.of(next), List.of());
    deployments.put(deploymentId, next);
    listener.stepFinished(next);
    scheduleDeadline(next);
  }

  @Override
  public synchronized void failed(String deploymentId, String reason) {
    Deployment deployment = deployments.get(deploymentId);
    if (deployment == null || repository == null) {
      return;
    }
    repository.write(root, root, List.of(), List.of(deploymentId));
    forget(deploymentId);
    executor.cancel(deploymentId);
    LOG.warn("Deployment {} failed: {}", deploymentId, reason);
    listener.failed(deployment.plan(), reason);
    boolean rollBack = deployment.plan().target().values().stream().anyMatch(AppDefinition::rollbackOnFailure);
    if (rollBack) {
      DeploymentPlan rollback = revert(deployment.plan());
      LOG.info("Deployment {} rolls back failed deployment {}", rollback.id(), deploymentId);
    }
  }

  private void track(Deployment deployment) {
    deployments.put(deployment.id(), deployment);
    deployment.plan().affectedApps().forEach(appId -> deploymentsByApp.computeIfAbsent(appId, id -> new LinkedHashSet<>()).add(deployment.id()));
  }

  private void forget(String deploymentId) {
    Deployment removed = deployments.remove(deploymentId);
    if (removed != null) {
      for (PathId appId : removed.plan().affectedApps()) {
        Set<String> ids = deploymentsByApp.get(appId);
        ids.remove(deploymentId);
        if (ids.isEmpty()) {
          deploymentsByApp.remove(appId);
        }
      }
    }
    cancelDeadline(deploymentId);
  }

  private void scheduleDeadline(Deployment deployment) {
    Optional<Duration> deadline =
        deployment.currentActions().stream()
            .map(action -> action.app().progressDeadline())
            .flatMap(Optional::stream)
            .max(Duration::compareTo);
    if (deadline.isEmpty()) {
      return;
    }
    int step = deployment.currentStep();
    String reason =
        "step " + (step + 1) + " of " + deployment.plan().steps().size() + " did not finish within its progress deadline of "
            + deadline.get().toSeconds() + " s";
    deadlines.put(
        deployment.id(),
        timers.schedule(() -> deadlinePassed(deployment.id(), step, reason), deadline.get().toMillis(), TimeUnit.MILLISECONDS));
  }

  private synchronized void deadlinePassed(String deploymentId, int step, String reason) {
    Deployment deployment = deployments.get(deploymentId);
    if (deployment != null && deployment.currentStep() == step) {
      deadlines.remove(deploymentId);
      failed(deploymentId, reason);
    }
  }

  private void cancelDeadline(String deploymentId) {
    ScheduledFuture<?> timer = deadlines.remove(deploymentId);
    if (timer != null) {
      timer.cancel(false);
    }
  }

  /** Now, to the millisecond, but always after the root group's current version. */
  private Instant nextVersion() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Instant last = root.version();
    return now.isAfter(last) ? now : last.plusMillis(1);
  }

  private void requireLeading() {
    if (repository == null) {
      throw new NotLeaderException();
    }
  }
}
