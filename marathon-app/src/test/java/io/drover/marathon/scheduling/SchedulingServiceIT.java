package io.drover.marathon.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.drover.core.AgentId;
import io.drover.core.Attributes;
import io.drover.core.FrameworkId;
import io.drover.core.StatusSource;
import io.drover.core.TaskState;
import io.drover.core.TaskStatus;
import io.drover.core.TaskStatusReason;
import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.app.PathId;
import io.drover.marathon.app.TaskFailure;
import io.drover.marathon.app.VersionInfo;
import io.drover.marathon.deployment.Deployment;
import io.drover.marathon.deployment.DeploymentAction;
import io.drover.marathon.deployment.DeploymentPlan;
import io.drover.marathon.deployment.DeploymentProgress;
import io.drover.marathon.deployment.DeploymentStep;
import io.drover.marathon.events.EventBus;
import io.drover.marathon.group.RootGroup;
import io.drover.marathon.instance.Instance;
import io.drover.marathon.instance.InstanceId;
import io.drover.marathon.instance.ZooKeeperInstanceStore;
import io.drover.marathon.storage.MarathonPaths;
import io.drover.marathon.storage.MarathonStorage;
import io.drover.marathon.storage.StateTransaction;
import io.drover.marathon.storage.Terms;
import io.drover.sdk.placement.TaskSite;
import io.drover.testing.EmbeddedZooKeeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scheduling side bound to leadership terms over real ZooKeeper storage; no master is running. */
class SchedulingServiceIT {
  private static final Instant V1 = Instant.parse("2030-01-01T00:00:00Z");
  private static final String VERSION = "2030-01-01T00:00:00.000Z";
  private static EmbeddedZooKeeper zooKeeper;
  private static int roots;

  private CuratorFramework client;
  private MarathonPaths paths;
  private SchedulingService service;

  @BeforeAll
  static void startZooKeeper() {
    zooKeeper = EmbeddedZooKeeper.start();
  }

  @AfterAll
  static void stopZooKeeper() {
    zooKeeper.close();
  }

  @BeforeEach
  void setUp() {
    client = zooKeeper.newClient();
    paths = new MarathonPaths("/scheduling-it-" + roots++);
    service = new SchedulingService(SchedulingService.Settings.defaults(zooKeeper.url("/no-master-" + roots)), new EventBus(), Clock.systemUTC());
  }

  @AfterEach
  void tearDown() {
    service.close();
    client.close();
  }

  private static AppDefinition app(String id, int instances) {
    return AppDefinition.builder(PathId.parse(id)).cmd("serve").instances(instances).version(V1).versionInfo(new VersionInfo(V1, V1)).build();
  }

  @Test
  void aLeaderLoadsItsInstancesSetsTargetsAndResumesDeploymentsThenLetsGo() throws Exception {
    MarathonStorage first = Terms.openNewTerm(client, paths);
    InstanceId stored = InstanceId.forApp("/db", UUID.randomUUID());
    new ZooKeeperInstanceStore(first.instances())
        .store(Instance.launched(stored, VERSION, new TaskSite(AgentId.of("a1"), "a1", Attributes.NONE), List.of(), V1));
    first.frameworkId().store("fw-7").join();
    AppDefinition db = app("/db", 2);
    AppDefinition web = app("/web", 3);
    TreeMap<PathId, AppDefinition> target = new TreeMap<>();
    target.put(web.id(), web);
    Deployment underWay = Deployment.starting(new DeploymentPlan("d1", V1, List.of(new DeploymentStep(List.of(DeploymentAction.start(web)))), new TreeMap<>(), target));
    DeploymentProgress ignored =
        new DeploymentProgress() {
          @Override
          public void stepFinished(String deploymentId, int stepIndex) {}

          @Override
          public void failed(String deploymentId, String reason) {}
        };
    service.deploymentExecutor().start(underWay, ignored);

    service.lead(first, RootGroup.empty().putApp(db).putApp(web), List.of(underWay));

    assertThat(service.scheduling().isActive()).isTrue();
    assertThat(service.instances().get(stored)).isPresent();
    assertThat(service.statusSource().counts(PathId.parse("/db")).tasksStaged()).isEqualTo(1);
    await().atMost(Duration.ofSeconds(10)).until(() -> service.queue().wanted("/web", VERSION) == 3);
    assertThat(service.queue().wanted("/db", VERSION)).as("one of two already runs").isEqualTo(1);
    assertThat(service.scheduling().target("/db", VERSION)).hasValue(2);

    service.standDown();
    first.close();

    assertThat(service.scheduling().isActive()).isFalse();
    assertThat(service.queue().isEmpty()).isTrue();
    assertThatThrownBy(() -> service.scheduling().scale(RunSpecs.of(db), 1)).isInstanceOf(IllegalStateException.class);

    MarathonStorage second = Terms.openNewTerm(client, paths);
    service.lead(second, RootGroup.empty().putApp(db), List.of());
    assertThat(service.instances().get(stored)).as("reloaded by the next term").isPresent();
    assertThat(new ZooKeeperFrameworkIdStore(second.frameworkId()).load()).contains(FrameworkId.of("fw-7"));
    service.standDown();
    second.close();
  }

  @Test
  void theLastTaskFailureSurvivesALeaderChangeAndGoesWithItsApp() throws Exception {
    MarathonStorage first = Terms.openNewTerm(client, paths);
    AppDefinition db = app("/db", 1);
    service.lead(first, RootGroup.empty().putApp(db), List.of());
    InstanceId failed = InstanceId.forApp("/db", UUID.randomUUID());
    service.instances().launched(List.of(Instance.launched(failed, VERSION, new TaskSite(AgentId.of("a1"), "a1", Attributes.NONE), List.of(), V1)));
    service.instances().update(
        new TaskStatus(failed.taskId(), TaskState.TASK_FAILED, Optional.of(AgentId.of("a1")), Optional.empty(), TaskStatusReason.NONE, "exit 3",
            Optional.empty(), StatusSource.SOURCE_AGENT, V1.plusSeconds(5)),
        V1.plusSeconds(5));
    await().atMost(Duration.ofSeconds(10)).until(() -> client.checkExists().forPath(paths.taskFailure(PathId.parse("/db"))) != null);
    service.standDown();
    first.close();

    SchedulingService next = new SchedulingService(SchedulingService.Settings.defaults(zooKeeper.url("/no-master-" + roots)), new EventBus(), Clock.systemUTC());
    MarathonStorage second = Terms.openNewTerm(client, paths);
    try {
      assertThat(next.statusSource().lastTaskFailure(PathId.parse("/db"))).isEmpty();
      next.lead(second, RootGroup.empty().putApp(db), List.of());
      TaskFailure failure = next.statusSource().lastTaskFailure(PathId.parse("/db")).orElseThrow();
      assertThat(failure.taskId()).isEqualTo(failed.value());
      assertThat(failure.state()).isEqualTo("TASK_FAILED");
      assertThat(failure.message()).isEqualTo("exit 3");
      assertThat(failure.timestamp()).isEqualTo(V1.plusSeconds(5));

      StateTransaction removal = second.store().transaction();
      second.groups().stageChange(removal, RootGroup.empty().putApp(db).withVersion(V1), RootGroup.empty().withVersion(V1.plusSeconds(9)));
      second.store().commit(removal).join();
      assertThat(client.checkExists().forPath(paths.taskFailure(PathId.parse("/db")))).isNull();
    } finally {
      next.close();
      second.close();
    }
  }
}
