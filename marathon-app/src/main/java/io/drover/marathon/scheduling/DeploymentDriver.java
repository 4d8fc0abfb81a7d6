package io.drover.marathon.scheduling;

import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.deployment.Deployment;
import io.drover.marathon.deployment.DeploymentAction;
import io.drover.marathon.deployment.DeploymentExecutor;
import io.drover.marathon.deployment.DeploymentProgress;
import io.drover.marathon.deployment.RollingUpgrade;
import io.drover.marathon.group.RootGroup;
import io.drover.marathon.instance.Instance;
import io.drover.marathon.instance.KillMode;
import io.drover.marathon.instance.KillOrder;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives deployments through {@link AppScheduling}: each step's actions set targets (start, scale),
 * remove apps (stop) or replace instances by Marathon's rolling rule (restart), and the step is
 * reported finished once every action has reached its goal, judged again at every instance change and
 * every {@link #tick}. A resumed deployment starts over at its current step, from whatever instances
 * exist.
 *
 * <p>All work runs on the given executor, one task at a time (give it a single thread): callers, the
 * deployment manager and the scheduler, never wait on each other's locks through it.
 */
public final class DeploymentDriver implements DeploymentExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(DeploymentDriver.class);

  /** A deployment being driven, at {@code step}. Touched only on the executor. */
  private static final class Run {
    final Deployment deployment;
    final DeploymentProgress progress;
    int step;
    /** The current step's actions were applied. */
    boolean begun;

    Run(Deployment deployment, DeploymentProgress progress) {
      this.deployment = deployment;
      this.progress = progress;
      this.step = deployment.currentStep();
    }

    List<DeploymentAction> actions() {
      return step < deployment.plan().steps().size() ? deployment.plan().steps().get(step).actions() : List.of();
    }

    boolean touches(String appId) {
      return actions().stream().anyMatch(a -> a.appId().toString().equals(appId));
    }
  }

  private final AppScheduling scheduling;
  private final Executor executor;
  private final Map<String, Run> runs = new LinkedHashMap<>();

  public DeploymentDriver(AppScheduling scheduling, Executor executor) {
    this.scheduling = Objects.requireNonNull(scheduling, "scheduling");
    this.executor = Objects.requireNonNull(executor, "executor");
    scheduling.addInstanceListener(change -> executor.execute(() -> instanceChanged(change.instance().appId())));
  }

  @Override
  public void start(Deployment deployment, DeploymentProgress progress) {
    executor.execute(
        () -> {
          Run run = new Run(deployment, progress);
          runs.put(deployment.id(), run);
          advance(run);
        });
  }

  @Override
  public void cancel(String deploymentId) {
    executor.execute(() -> runs.remove(deploymentId));
  }

  /** Judges every deployment again: the timed safety net for changes no instance event announced. */
  public void tick() {
    executor.execute(() -> List.copyOf(runs.values()).forEach(this::advance));
  }

  /**
   * After a leader change, once the scheduler is active: sets the targets of the apps no deployment is
   * changing, from the root group. The apps deployments change get theirs as the deployments resume.
   */
  public void adopt(RootGroup root, Collection<Deployment> underWay) {
    executor.execute(
        () -> {
          Set<String> changing =
              underWay.stream().flatMap(d -> d.plan().affectedApps().stream()).map(Object::toString).collect(Collectors.toSet());
          for (AppDefinition app : root.apps()) {
            if (!changing.contains(app.id().toString())) {
              scheduling.scale(RunSpecs.of(app), target(app, app.instances()));
            }
          }
        });
  }

  private void instanceChanged(String appId) {
    for (Run run : List.copyOf(runs.values())) {
      if (run.touches(appId)) {
        advance(run);
      }
    }
  }

  private void begin(Run run) {
    run.begun = true;
    LOG.info("Deployment {}: step {} of {}", run.deployment.id(), run.step + 1, run.deployment.plan().steps().size());
    for (DeploymentAction action : run.actions()) {
      String appId = action.appId().toString();
      switch (action.type()) {
        case START, SCALE -> scheduling.scale(RunSpecs.of(action.app()), target(action.app(), action.scaleTo()));
        case STOP -> scheduling.removeApp(appId);
        case RESTART -> {
          RunSpec next = RunSpecs.of(action.app());
          scheduling.retireOtherVersions(appId, next.version());
          if (next.isGlobal()) {
            // One instance per agent leaves no room to overlap: old instances go, new ones follow.
            kill(scheduling.instances(appId).stream().filter(i -> !i.appVersion().equals(next.version())).toList());
            scheduling.scale(next, AppScheduling.EVERY_AGENT);
          }
        }
      }
    }
  }

  /**
   * Moves each action of the current step on; once all have reached their goals, goes on with the next
   * step. Waits while the scheduler is not active: what it would judge from is not loaded yet.
   */
  private void advance(Run run) {
    while (runs.get(run.deployment.id()) == run && scheduling.isActive()) {
      if (run.actions().isEmpty()) {
        runs.remove(run.deployment.id());
        return;
      }
      if (!run.begun) {
        begin(run);
      }
      boolean done = true;
      for (DeploymentAction action : run.actions()) {
        done &= advance(run, action);
      }
      if (!done) {
        return;
      }
      LOG.info("Deployment {}: step {} finished", run.deployment.id(), run.step + 1);
      run.progress.stepFinished(run.deployment.id(), run.step);
      run.step++;
      run.begun = false;
    }
  }

  /** Takes one action a move further; true if it has reached its goal. */
  private boolean advance(Run run, DeploymentAction action) {
    String appId = action.appId().toString();
    List<Instance> instances = scheduling.instances(appId);
    switch (action.type()) {
      case STOP -> {
        return instances.isEmpty();
      }
      case START, SCALE -> {
        RunSpec spec = RunSpecs.of(action.app());
        return ActionProgress.scaled(spec, target(action.app(), action.scaleTo()), instances, scheduling.waitingToLaunch(appId, spec.version()));
      }
      case RESTART -> {
        RunSpec next = RunSpecs.of(action.app());
        if (next.isGlobal()) {
          boolean oldGone = instances.stream().noneMatch(i -> i.isCounted() && !i.appVersion().equals(next.version()));
          return oldGone && ActionProgress.scaled(next, AppScheduling.EVERY_AGENT, instances, scheduling.waitingToLaunch(appId, next.version()));
        }
        AppDefinition original = run.deployment.plan().original().getOrDefault(action.appId(), action.app());
        ActionProgress.Restart state = ActionProgress.restart(next, !original.healthChecks().isEmpty(), instances);
        RollingUpgrade.Counts counts = state.counts();
        int wanted = action.scaleTo();
        if (RollingUpgrade.isComplete(wanted, counts)) {
          return true;
        }
        RollingUpgrade.Move move = RollingUpgrade.next(wanted, action.app().upgradeStrategy(), counts);
        int current = scheduling.target(appId, next.version()).orElse(0);
        int newTarget = Math.max(current, Math.min(wanted, counts.newAlive() + move.launchNew()));
        if (newTarget != current || scheduling.target(appId, next.version()).isEmpty()) {
          scheduling.scale(next, newTarget);
        }
        // Old instances already being killed count as alive and unhealthy: the move asks for them too.
        int kill = move.killOld() - state.oldBeingKilled();
        if (kill > 0) {
          List<Instance> old = instances.stream().filter(i -> i.isCounted() && !i.appVersion().equals(next.version())).toList();
          kill(KillOrder.choose(action.app().killSelection(), old, kill));
        }
        return false;
      }
    }
    return false;
  }

  private void kill(List<Instance> instances) {
    if (!instances.isEmpty()) {
      scheduling.kill(instances.stream().map(Instance::id).toList(), KillMode.SCALE_DOWN);
    }
  }

  private static int target(AppDefinition app, int count) {
    return app.global() ? AppScheduling.EVERY_AGENT : count;
  }

}
