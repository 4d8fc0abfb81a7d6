package io.drover.marathon.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.app.PathId;
import io.drover.marathon.app.ValidationException;
import io.drover.marathon.group.RootGroup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeploymentManagerTest {
  private static final Instant NOW = Instant.parse("2024-03-01T10:00:00.123Z");
  private static final PathId WEB = PathId.of("web");
  private static final PathId DB = PathId.of("db");

  private final InMemoryStateRepository repository = new InMemoryStateRepository();
  private final RecordingExecutor executor = new RecordingExecutor();
  private final RecordingListener listener = new RecordingListener();
  private ScheduledExecutorService timers;
  private DeploymentManager manager;

  @BeforeEach
  void lead() {
    timers = Executors.newSingleThreadScheduledExecutor();
    manager = new DeploymentManager(executor, listener, Clock.fixed(NOW, ZoneOffset.UTC), timers);
    manager.takeOver(repository);
  }

  @AfterEach
  void stop() {
    timers.shutdownNow();
  }

  private static AppDefinition app(PathId id, int instances) {
    return AppDefinition.builder(id).cmd("run " + id.name()).instances(instances).build();
  }

  private DeploymentPlan put(AppDefinition app, boolean force) {
    return manager.deploy(DeploymentManager.Change.of(root -> root.putApp(app), force));
  }

  @Test
  void aNewAppIsVersionedStoredAndHandedToTheExecutor() {
    DeploymentPlan plan = put(app(WEB, 3), false);

    AppDefinition stored = repository.loadRootGroup().app(WEB).orElseThrow();
    assertThat(stored.version()).isEqualTo(NOW);
    assertThat(stored.versionInfo().lastConfigChangeAt()).isEqualTo(NOW);
    assertThat(repository.loadDeployments()).containsExactly(Deployment.starting(plan));
    assertThat(executor.started).containsExactly(Deployment.starting(plan));
    assertThat(manager.deploymentsOf(WEB)).containsExactly(plan.id());
    assertThat(listener.events).containsExactly("group_change_success", "deployment_info " + plan.id());
  }

  @Test
  void finishedStepsAreStoredAndTheLastOneEndsTheDeployment() {
    manager.deploy(DeploymentManager.Change.of(root -> root.putApp(app(DB, 1)), false));
    executor.started.clear();
    RootGroup withDependency =
        manager.root().putApp(app(WEB, 2).toBuilder().dependencies(List.of(DB)).build()).putApp(app(DB, 2));
    manager.deploy(DeploymentManager.Change.of(root -> withDependency, true));
    Deployment deployment = executor.started.get(0);
    assertThat(deployment.plan().steps()).hasSize(2);

    manager.stepFinished(deployment.id(), 0);
    assertThat(repository.loadDeployments()).containsExactly(deployment.withCurrentStep(1));
    manager.stepFinished(deployment.id(), 0);
    assertThat(repository.loadDeployments()).containsExactly(deployment.withCurrentStep(1));
    manager.stepFinished(deployment.id(), 1);

    assertThat(repository.loadDeployments()).isEmpty();
    assertThat(manager.deployments()).isEmpty();
    assertThat(manager.deploymentsOf(WEB)).isEmpty();
    assertThat(manager.deploymentsOf(DB)).isEmpty();
    assertThat(listener.events)
        .endsWith("deployment_step_success " + deployment.id() + " 1", "deployment_success " + deployment.id());
  }

  @Test
  void anAppChangedByADeploymentIsLockedUnlessForced() {
    DeploymentPlan first = put(app(WEB, 3), false);

    assertThatThrownBy(() -> put(app(WEB, 5), false))
        .isInstanceOfSatisfying(AppLockedException.class, e -> assertThat(e.deploymentIds()).containsExactly(first.id()));
    assertThat(repository.loadRootGroup().app(WEB).orElseThrow().instances()).isEqualTo(3);
    put(app(DB, 1), false);

    DeploymentPlan forced = put(app(WEB, 5), true);

    assertThat(executor.cancelled).containsExactly(first.id());
    assertThat(repository.loadDeployments()).extracting(Deployment::id).doesNotContain(first.id()).contains(forced.id());
    assertThat(forced.steps().get(0).actions().get(0).type()).isEqualTo(ActionType.SCALE);
    assertThat(manager.deploymentsOf(WEB)).containsExactly(forced.id());
  }

  @Test
  void rollingBackPutsTheAppsBackAsANewDeployment() {
    put(app(WEB, 3), false);
    manager.stepFinished(executor.started.get(0).id(), 0);
    Instant configuredAt = manager.root().app(WEB).orElseThrow().versionInfo().lastConfigChangeAt();
    DeploymentPlan upgrade = put(app(WEB, 3).toBuilder().cmd("run web v2").build(), false);

    DeploymentPlan rollback = manager.rollback(upgrade.id(), false).orElseThrow();

    assertThat(rollback.steps().get(0).actions().get(0).type()).isEqualTo(ActionType.RESTART);
    assertThat(manager.root().app(WEB).orElseThrow().cmd()).isEqualTo("run web");
    assertThat(manager.root().app(WEB).orElseThrow().versionInfo().lastConfigChangeAt())
        .as("instances still running the first definition are not outdated")
        .isEqualTo(configuredAt);
    assertThat(executor.cancelled).containsExactly(upgrade.id());
    assertThat(manager.deployments()).extracting(Deployment::id).containsExactly(rollback.id());
  }

  @Test
  void rollingBackANewAppRemovesItAndForceOnlyCancels() {
    DeploymentPlan create = put(app(WEB, 3), false);
    DeploymentPlan other = put(app(DB, 1), false);

    assertThat(manager.rollback(other.id(), true)).isEmpty();
    assertThat(manager.root().app(DB)).isPresent();
    assertThat(repository.loadDeployments()).extracting(Deployment::id).containsExactly(create.id());

    DeploymentPlan rollback = manager.rollback(create.id(), false).orElseThrow();
    assertThat(rollback.steps().get(0).actions().get(0).type()).isEqualTo(ActionType.STOP);
    assertThat(manager.root().app(WEB)).isEmpty();
    assertThatThrownBy(() -> manager.rollback("nope", false)).isInstanceOf(UnknownDeploymentException.class);
  }

  @Test
  void aNewLeaderResumesDeploymentsAtTheirStoredStep() {
    put(app(DB, 1), false);
    Deployment deployment = executor.started.get(0);

    RecordingExecutor fresh = new RecordingExecutor();
    DeploymentManager resumed = new DeploymentManager(fresh, listener, Clock.systemUTC(), timers);
    resumed.takeOver(repository);

    assertThat(fresh.started).containsExactly(deployment);
    assertThat(resumed.root()).isEqualTo(manager.root());
    assertThat(resumed.isLeading()).isTrue();
  }

  @Test
  void aDeposedManagerRefusesChanges() {
    put(app(WEB, 1), false);
    manager.standDown();

    assertThat(executor.cancelled).hasSize(1);
    assertThatThrownBy(() -> put(app(DB, 1), false)).isInstanceOf(NotLeaderException.class);
    assertThatThrownBy(manager::root).isInstanceOf(NotLeaderException.class);
  }

  @Test
  void invalidTreesAreRefusedBeforeAnythingIsStored() {
    put(app(DB, 1).toBuilder().dependencies(List.of(WEB)).build(), false);

    assertThatThrownBy(() -> put(app(WEB, 1).toBuilder().dependencies(List.of(DB)).build(), true))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("cyclic");
    assertThat(repository.loadRootGroup().app(WEB)).isEmpty();
  }

  @Test
  void versionsAreMonotonicAndScalingKeepsTheConfigVersion() {
    put(app(WEB, 1), false);
    manager.stepFinished(executor.started.get(0).id(), 0);
    put(app(WEB, 4), false);

    AppDefinition scaled = manager.root().app(WEB).orElseThrow();
    assertThat(scaled.version()).isEqualTo(NOW.plusMillis(1));
    assertThat(scaled.versionInfo().lastScalingAt()).isEqualTo(NOW.plusMillis(1));
    assertThat(scaled.versionInfo().lastConfigChangeAt()).isEqualTo(NOW);
    assertThat(repository.appVersions(WEB)).containsExactly(NOW.plusMillis(1), NOW);

    manager.stepFinished(executor.started.get(1).id(), 0);
    DeploymentPlan restart = manager.deploy(new DeploymentManager.Change(root -> root, Set.of(WEB), false));
    assertThat(restart.steps().get(0).actions().get(0).type()).isEqualTo(ActionType.RESTART);
    assertThat(manager.root().app(WEB).orElseThrow().versionInfo().lastConfigChangeAt()).isEqualTo(NOW.plusMillis(2));
  }

  @Test
  void anUnchangedDefinitionNeedsNoDeployment() {
    put(app(WEB, 2), false);
    manager.stepFinished(executor.started.get(0).id(), 0);

    DeploymentPlan same = put(app(WEB, 2), false);

    assertThat(same.isEmpty()).isTrue();
    assertThat(manager.deployments()).isEmpty();
    assertThat(listener.events).last().isEqualTo("deployment_success " + same.id());
  }

  @Test
  void aStepPastItsProgressDeadlineFailsTheDeploymentAndRollsBackWhenAsked() {
    put(app(WEB, 2), false);
    manager.stepFinished(executor.started.get(0).id(), 0);
    AppDefinition risky =
        app(WEB, 2).toBuilder()
            .cmd("run web v2")
            .labels(Map.of(AppDefinition.PROGRESS_DEADLINE_LABEL, "1", AppDefinition.ROLLBACK_ON_FAILURE_LABEL, "true"))
            .build();
    DeploymentPlan upgrade = put(risky, false);

    await().atMost(Duration.ofSeconds(10)).until(() -> listener.events.stream().anyMatch(e -> e.startsWith("deployment_failed " + upgrade.id())));

    assertThat(listener.events).anySatisfy(e -> assertThat(e).contains("did not finish within its progress deadline of 1 s"));
    assertThat(executor.cancelled).contains(upgrade.id());
    assertThat(manager.root().app(WEB).orElseThrow().cmd()).isEqualTo("run web");
    assertThat(manager.deployments()).hasSize(1).first().satisfies(d -> assertThat(d.id()).isNotEqualTo(upgrade.id()));
  }
}
