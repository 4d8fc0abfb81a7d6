package io.drover.marathon.scheduling;

import static io.drover.marathon.scheduling.TestOffers.offer;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.core.AgentId;
import io.drover.core.FrameworkId;
import io.drover.core.MasterInfo;
import io.drover.core.Offer;
import io.drover.core.StatusSource;
import io.drover.core.TaskId;
import io.drover.core.TaskState;
import io.drover.core.TaskStatus;
import io.drover.core.TaskStatusReason;
import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.app.PathId;
import io.drover.marathon.app.UpgradeStrategy;
import io.drover.marathon.app.VersionInfo;
import io.drover.marathon.deployment.Deployment;
import io.drover.marathon.deployment.DeploymentAction;
import io.drover.marathon.deployment.DeploymentPlan;
import io.drover.marathon.deployment.DeploymentProgress;
import io.drover.marathon.deployment.DeploymentStep;
import io.drover.marathon.group.RootGroup;
import io.drover.marathon.instance.InMemoryInstanceStore;
import io.drover.marathon.instance.Instance;
import io.drover.marathon.instance.InstanceId;
import io.drover.marathon.instance.InstanceTracker;
import io.drover.marathon.launch.LaunchQueue;
import io.drover.sdk.testing.RecordingSchedulerDriver;
import io.drover.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeploymentDriverTest {
  private static final PathId WEB = PathId.parse("/web");
  private static final Instant V1 = Instant.parse("2030-01-01T00:00:00Z");
  private static final Instant V2 = Instant.parse("2030-01-02T00:00:00Z");
  private static final String AGENT = "cpus:8;mem:8192;ports:[31000-31100]";

  private final FakeClock clock = new FakeClock();
  /** No app here has checks that marathon-app runs: nothing is ever probed. */
  private final HostHealthChecks hostChecks = new HostHealthChecks(Executors.newSingleThreadScheduledExecutor(), (check, host, port) -> Optional.empty(), clock);
  private final InstanceTracker tracker = new InstanceTracker(new InMemoryInstanceStore());
  private final LaunchQueue queue = new LaunchQueue(clock);
  private final AtomicLong uuids = new AtomicLong();
  private final MarathonScheduler scheduler =
      new MarathonScheduler(SchedulerConfig.DEFAULTS, tracker, queue, new OfferMatcher(() -> new UUID(0, uuids.incrementAndGet()), false), new InMemoryFrameworkIdStore(), hostChecks, clock);
  private final RecordingSchedulerDriver driver = new RecordingSchedulerDriver();
  private final ManualExecutor executor = new ManualExecutor();
  private final DeploymentDriver deployments = new DeploymentDriver(scheduler, executor);
  private final Progress progress = new Progress();
  private final Set<TaskId> answeredLaunches = new HashSet<>();
  private final Set<TaskId> answeredKills = new HashSet<>();

  /** What the deployment manager would hear. */
  static final class Progress implements DeploymentProgress {
    final List<String> finished = new CopyOnWriteArrayList<>();

    @Override
    public void stepFinished(String deploymentId, int stepIndex) {
      finished.add(deploymentId + "#" + stepIndex);
    }

    @Override
    public void failed(String deploymentId, String reason) {
      finished.add(deploymentId + " failed: " + reason);
    }
  }

  @BeforeEach
  void subscribe() {
    scheduler.start(driver);
    scheduler.subscribed(driver, FrameworkId.of("fw-1"), new MasterInfo("m1", "localhost", 5055, 5050, 1, "0.1"));
  }

  private static AppDefinition web(Instant version, String cmd, int instances) {
    return AppDefinition.builder(WEB).cmd(cmd).instances(instances).cpus(0.5).mem(64).version(version).versionInfo(new VersionInfo(version, version)).build();
  }

  @SafeVarargs
  private static Deployment deployment(String id, AppDefinition original, AppDefinition target, List<DeploymentAction>... steps) {
    TreeMap<PathId, AppDefinition> before = new TreeMap<>();
    if (original != null) {
      before.put(WEB, original);
    }
    TreeMap<PathId, AppDefinition> after = new TreeMap<>();
    if (target != null) {
      after.put(WEB, target);
    }
    List<DeploymentStep> planSteps = new ArrayList<>();
    for (List<DeploymentAction> actions : steps) {
      planSteps.add(new DeploymentStep(actions));
    }
    return Deployment.starting(new DeploymentPlan(id, V2, planSteps, before, after));
  }

  /** One round of the cluster answering: offers from three agents, then every new launch running and every new kill done. */
  private void clusterAnswers(Runnable check) {
    executor.drain();
    List<Offer> offers = List.of(offer("a1", AGENT), offer("a2", AGENT), offer("a3", AGENT));
    scheduler.resourceOffers(driver, offers);
    executor.drain();
    check.run();
    for (TaskId launched : List.copyOf(driver.launched().stream().map(t -> t.id()).toList())) {
      if (answeredLaunches.add(launched)) {
        report(launched, TaskState.TASK_RUNNING);
        check.run();
      }
    }
    for (TaskId killed : List.copyOf(driver.killed())) {
      if (answeredKills.add(killed)) {
        report(killed, TaskState.TASK_KILLED);
        check.run();
      }
    }
  }

  private void report(TaskId task, TaskState state) {
    clock.advance(Duration.ofSeconds(1));
    AgentId agent = InstanceId.of(task).flatMap(tracker::get).map(Instance::agentId).orElse(AgentId.of("a1"));
    scheduler.statusUpdate(driver, new TaskStatus(task, state, Optional.of(agent), Optional.empty(), TaskStatusReason.NONE, "", Optional.empty(), StatusSource.SOURCE_AGENT, clock.instant()));
    executor.drain();
  }

  private void untilFinished(String step, Runnable check) {
    for (int round = 0; round < 30 && !progress.finished.contains(step); round++) {
      clusterAnswers(check);
    }
    assertThat(progress.finished).contains(step);
  }

  private List<Instance> alive() {
    return tracker.instancesOf("/web").stream().filter(Instance::occupiesAgent).toList();
  }

  @Test
  void aStartFinishesOnceTheInstancesRun() {
    deployments.start(deployment("d1", null, web(V1, "serve", 3), List.of(DeploymentAction.start(web(V1, "serve", 3)))), progress);
    executor.drain();
    assertThat(progress.finished).isEmpty();

    untilFinished("d1#0", () -> {});

    assertThat(alive()).hasSize(3).allSatisfy(i -> assertThat(i.appVersion()).isEqualTo("2030-01-01T00:00:00.000Z"));
  }

  @Test
  void aRollingRestartNeverDropsBelowTheHealthyMinimumNorExceedsTheOverCapacity() {
    deployments.start(deployment("d1", null, web(V1, "serve", 3), List.of(DeploymentAction.start(web(V1, "serve", 3)))), progress);
    untilFinished("d1#0", () -> {});
    AppDefinition v2 = web(V2, "serve --new", 3).toBuilder().upgradeStrategy(new UpgradeStrategy(1.0, 0.34)).build();
    List<Integer> aliveSeen = new ArrayList<>();

    deployments.start(deployment("d2", web(V1, "serve", 3), v2, List.of(DeploymentAction.restart(v2))), progress);
    untilFinished(
        "d2#0",
        () -> {
          long healthy = alive().stream().filter(i -> ActionProgress.isHealthy(i, false)).count();
          assertThat(healthy).as("healthy instances").isGreaterThanOrEqualTo(3);
          assertThat(alive().size()).as("alive instances").isLessThanOrEqualTo(4);
          aliveSeen.add(alive().size());
        });

    assertThat(alive()).hasSize(3).allSatisfy(i -> assertThat(i.appVersion()).isEqualTo("2030-01-02T00:00:00.000Z"));
    assertThat(aliveSeen).as("it did go over capacity by one").contains(4);
    assertThat(scheduler.target("/web", "2030-01-01T00:00:00.000Z")).isEmpty();
    assertThat(scheduler.target("/web", "2030-01-02T00:00:00.000Z")).hasValue(3);
  }

  @Test
  void aScaleDownFinishesOnceTheSurplusHasEnded() {
    deployments.start(deployment("d1", null, web(V1, "serve", 3), List.of(DeploymentAction.start(web(V1, "serve", 3)))), progress);
    untilFinished("d1#0", () -> {});

    deployments.start(deployment("d2", web(V1, "serve", 3), web(V1, "serve", 1), List.of(DeploymentAction.scale(web(V1, "serve", 1)))), progress);
    executor.drain();
    assertThat(driver.killed()).hasSize(2);
    assertThat(progress.finished).doesNotContain("d2#0");

    untilFinished("d2#0", () -> {});
    assertThat(alive()).hasSize(1);
  }

  @Test
  void aStopFinishesOnceNoInstanceIsLeftAndStepsRunInOrder() {
    AppDefinition app = web(V1, "serve", 2);
    deployments.start(deployment("d1", null, app, List.of(DeploymentAction.start(app)), List.of(DeploymentAction.stop(app))), progress);

    untilFinished("d1#1", () -> {});

    assertThat(progress.finished).containsExactly("d1#0", "d1#1");
    assertThat(tracker.instancesOf("/web")).isEmpty();
    assertThat(driver.lastOfferInterest()).isEqualTo("suppress");
  }

  @Test
  void aResumedDeploymentStartsAtItsCurrentStep() {
    AppDefinition app = web(V1, "serve", 2);
    Deployment resumed = deployment("d1", null, app, List.of(DeploymentAction.start(web(V1, "serve", 5))), List.of(DeploymentAction.start(app))).withCurrentStep(1);

    deployments.start(resumed, progress);
    untilFinished("d1#1", () -> {});

    assertThat(progress.finished).containsExactly("d1#1");
    assertThat(alive()).hasSize(2);
  }

  @Test
  void aCancelledDeploymentIsNoLongerDriven() {
    AppDefinition app = web(V1, "serve", 2);
    deployments.start(deployment("d1", null, app, List.of(DeploymentAction.start(app))), progress);
    deployments.cancel("d1");

    for (int round = 0; round < 3; round++) {
      clusterAnswers(() -> {});
    }

    assertThat(progress.finished).isEmpty();
  }

  @Test
  void adoptingAfterALeaderChangeSetsTheTargetsOfAppsNoDeploymentChanges() {
    AppDefinition db = AppDefinition.builder(PathId.parse("/db")).cmd("db").instances(2).version(V1).versionInfo(new VersionInfo(V1, V1)).build();
    AppDefinition web = web(V1, "serve", 3);
    RootGroup root = RootGroup.empty().putApp(db).putApp(web);

    deployments.adopt(root, List.of(deployment("d1", null, web, List.of(DeploymentAction.start(web)))));
    executor.drain();

    assertThat(scheduler.target("/db", "2030-01-01T00:00:00.000Z")).hasValue(2);
    assertThat(scheduler.target("/web", "2030-01-01T00:00:00.000Z")).isEmpty();
    assertThat(queue.wanted("/db", "2030-01-01T00:00:00.000Z")).isEqualTo(2);
  }

  @Test
  void aGlobalAppsStartFinishesWhenEveryOfferedAgentRunsOne() {
    AppDefinition global = web(V1, "serve", 1).toBuilder().labels(Map.of(AppDefinition.MODE_LABEL, AppDefinition.GLOBAL_MODE)).build();
    deployments.start(deployment("d1", null, global, List.of(DeploymentAction.start(global))), progress);
    executor.drain();
    assertThat(progress.finished).as("no agent has offered yet").isEmpty();

    untilFinished("d1#0", () -> {});

    assertThat(alive()).extracting(i -> i.agentId().value()).containsExactlyInAnyOrder("a1", "a2", "a3");
  }
}
