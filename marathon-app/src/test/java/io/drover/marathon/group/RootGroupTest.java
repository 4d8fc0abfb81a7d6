package io.drover.marathon.group;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.app.MarathonJson;
import io.drover.marathon.app.PathId;
import io.drover.marathon.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RootGroupTest {
  private static final Instant V1 = Instant.parse("2024-01-01T00:00:00Z");

  private static RootGroup shop() throws Exception {
    Group group = MarathonJson.mapper().readValue(Fixtures.text("group-with-dependencies.json"), Group.class);
    return RootGroup.empty().putGroup(group, V1);
  }

  @Test
  void aGroupDefinitionResolvesRelativeIdsAndDependencies() throws Exception {
    RootGroup root = shop();

    assertThat(root.appsById().keySet())
        .containsExactly(PathId.of("shop", "api"), PathId.of("shop", "db"), PathId.of("shop", "frontend", "web"));
    assertThat(root.app(PathId.of("shop", "api")).orElseThrow().dependencies()).containsExactly(PathId.of("shop", "db"));
    assertThat(root.groupsById().get(PathId.of("shop", "frontend")).dependencies()).containsExactly(PathId.of("shop", "api"));
    assertThat(root.groupExists(PathId.of("shop"))).isTrue();
    assertThat(root.groupExists(PathId.of("nope"))).isFalse();
  }

  @Test
  void groupDependenciesApplyToEveryAppInside() throws Exception {
    RootGroup root = shop();

    assertThat(root.dependenciesOf(PathId.of("shop", "frontend", "web"))).containsExactly(PathId.of("shop", "api"));
    assertThat(root.dependencyDepths())
        .containsEntry(PathId.of("shop", "db"), 0)
        .containsEntry(PathId.of("shop", "api"), 1)
        .containsEntry(PathId.of("shop", "frontend", "web"), 2);
    assertThat(root.dependencyCycle()).isEmpty();
  }

  @Test
  void aDependencyOnAGroupMeansEveryAppInIt() throws Exception {
    RootGroup root =
        shop().putApp(AppDefinition.builder(PathId.of("monitor")).cmd("m").dependencies(List.of(PathId.of("shop"))).build());

    assertThat(root.dependenciesOf(PathId.of("monitor")))
        .containsExactly(PathId.of("shop", "api"), PathId.of("shop", "db"), PathId.of("shop", "frontend", "web"));
  }

  @Test
  void findsDependencyCycles() throws Exception {
    RootGroup root =
        shop().putApp(
            AppDefinition.builder(PathId.of("shop", "db")).cmd("db").dependencies(List.of(PathId.of("shop", "frontend", "web"))).build());

    assertThat(root.dependencyCycle()).hasValueSatisfying(cycle -> {
      assertThat(cycle.get(0)).isEqualTo(cycle.get(cycle.size() - 1));
      assertThat(cycle).contains(PathId.of("shop", "db"), PathId.of("shop", "api"), PathId.of("shop", "frontend", "web"));
    });
  }

  @Test
  void rendersTheTreeAndRemovesSubtrees() throws Exception {
    RootGroup root = shop();

    Group tree = root.toGroup(PathId.ROOT);
    Group shop = tree.groups().get(0);
    assertThat(shop.id()).isEqualTo(PathId.of("shop"));
    assertThat(shop.apps()).extracting(AppDefinition::id).containsExactly(PathId.of("shop", "api"), PathId.of("shop", "db"));
    assertThat(shop.groups()).extracting(Group::id).containsExactly(PathId.of("shop", "frontend"));
    assertThat(shop.groups().get(0).dependencies()).containsExactly(PathId.of("shop", "api"));

    RootGroup pruned = root.removeGroup(PathId.of("shop", "frontend"));
    assertThat(pruned.appsById().keySet()).containsExactly(PathId.of("shop", "api"), PathId.of("shop", "db"));
    assertThat(pruned.groupsById()).doesNotContainKey(PathId.of("shop", "frontend"));
  }

  @Test
  void puttingAGroupReplacesWhatWasThere() throws Exception {
    Group smaller =
        new Group(PathId.of("shop"), List.of(AppDefinition.command(PathId.parse("db"), "db2")), List.of(), List.of(), null);

    RootGroup root = shop().putGroup(smaller, V1);

    assertThat(root.appsById().keySet()).containsExactly(PathId.of("shop", "db"));
    assertThat(root.app(PathId.of("shop", "db")).orElseThrow().cmd()).isEqualTo("db2");
  }
}
