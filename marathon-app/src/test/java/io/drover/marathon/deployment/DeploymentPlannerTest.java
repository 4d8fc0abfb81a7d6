package io.drover.marathon.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.app.PathId;
import io.drover.marathon.group.RootGroup;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeploymentPlannerTest {
  private static final Instant V2 = Instant.parse("2024-01-02T00:00:00Z");

  private static AppDefinition app(String id, String cmd, int instances, String... dependencies) {
    return AppDefinition.builder(PathId.parse(id))
        .cmd(cmd)
        .instances(instances)
        .dependencies(java.util.Arrays.stream(dependencies).map(PathId::parse).toList())
        .build();
  }

  private static List<List<String>> shape(DeploymentPlan plan) {
    return plan.steps().stream()
        .map(step -> step.actions().stream().map(a -> a.type().marathonName() + " " + a.appId()).toList())
        .toList();
  }

  @Test
  void newAppsStartInDependencyOrder() {
    RootGroup target =
        RootGroup.empty()
            .putApp(app("/web", "web", 3, "/api"))
            .putApp(app("/api", "api", 2, "/db"))
            .putApp(app("/db", "db", 1))
            .putApp(app("/cache", "cache", 1));

    DeploymentPlan plan = DeploymentPlanner.plan("d1", RootGroup.empty(), target, V2);

    assertThat(shape(plan))
        .containsExactly(
            List.of("StartApplication /cache", "StartApplication /db"),
            List.of("StartApplication /api"),
            List.of("StartApplication /web"));
    assertThat(plan.steps().get(2).actions().get(0).scaleTo()).isEqualTo(3);
    assertThat(plan.original()).isEmpty();
    assertThat(plan.target().keySet()).hasSize(4);
    assertThat(plan.affectedApps()).hasSize(4);
  }

  @Test
  void removedAppsStopFirstThenChangesFollowDependencies() {
    RootGroup current =
        RootGroup.empty().putApp(app("/db", "db", 1)).putApp(app("/api", "api", 2, "/db")).putApp(app("/old", "old", 1));
    RootGroup target = RootGroup.empty().putApp(app("/db", "db", 3)).putApp(app("/api", "api v2", 2, "/db"));

    DeploymentPlan plan = DeploymentPlanner.plan("d2", current, target, V2);

    assertThat(shape(plan))
        .containsExactly(List.of("StopApplication /old"), List.of("ScaleApplication /db"), List.of("RestartApplication /api"));
    assertThat(plan.original().get(PathId.of("api")).cmd()).isEqualTo("api");
    assertThat(plan.original()).containsKey(PathId.of("old"));
    assertThat(plan.target()).doesNotContainKey(PathId.of("old"));
  }

  @Test
  void unchangedAppsAreLeftAloneButStillOrderTheirDependents() {
    RootGroup current = RootGroup.empty().putApp(app("/db", "db", 1)).putApp(app("/api", "api", 1, "/db"));
    RootGroup target = current.putApp(app("/api", "api", 4, "/db")).putApp(app("/web", "web", 1, "/api"));

    DeploymentPlan plan = DeploymentPlanner.plan("d3", current, target, V2);

    assertThat(shape(plan)).containsExactly(List.of("ScaleApplication /api"), List.of("StartApplication /web"));
  }

  @Test
  void nothingChangedMeansAnEmptyPlan() {
    RootGroup current = RootGroup.empty().putApp(app("/db", "db", 1));

    assertThat(DeploymentPlanner.plan("d4", current, current.withVersion(V2), V2).isEmpty()).isTrue();
  }

  @Test
  void aRestartRequestMovesOnlyLastConfigChangeAtAndStillRestarts() {
    AppDefinition db =
        app("/db", "db", 2).withVersion(Instant.EPOCH, new io.drover.marathon.app.VersionInfo(Instant.EPOCH, Instant.EPOCH));
    RootGroup current = RootGroup.empty().putApp(db);
    RootGroup target = RootGroup.empty().putApp(db.withVersion(V2, new io.drover.marathon.app.VersionInfo(V2, V2)));

    assertThat(shape(DeploymentPlanner.plan("d5", current, target, V2))).containsExactly(List.of("RestartApplication /db"));
  }
}
