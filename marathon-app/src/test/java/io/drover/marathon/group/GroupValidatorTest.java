package io.drover.marathon.group;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.app.MarathonJson;
import io.drover.marathon.app.PathId;
import io.drover.marathon.app.Violation;
import io.drover.marathon.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupValidatorTest {
  private static Group read(String json) throws Exception {
    return MarathonJson.mapper().readValue(json, Group.class);
  }

  @Test
  void theFixtureGroupIsValid() throws Exception {
    Group group = read(Fixtures.text("group-with-dependencies.json"));

    assertThat(GroupValidator.validate(group, PathId.of("shop"))).isEmpty();
    assertThat(GroupValidator.validateRoot(RootGroup.empty().putGroup(group, Instant.EPOCH))).isEmpty();
  }

  @Test
  void appsAndSubgroupsAreValidatedWithTheirPaths() throws Exception {
    Group group =
        read(
            "{\"id\":\"/g\",\"apps\":[{\"id\":\"ok\",\"cmd\":\"x\"},{\"id\":\"/elsewhere/b\",\"cmd\":\"x\"}],"
                + "\"groups\":[{\"id\":\"sub\",\"apps\":[{\"id\":\"c\",\"cmd\":\"x\",\"instances\":-1}]}]}");

    assertThat(GroupValidator.validate(group, PathId.of("g")))
        .containsExactly(
            new Violation("/apps(1)/id", "Identifier is not child of '/g'"),
            new Violation("/groups(0)/apps(0)/instances", "got -1, expected 0 or more"));
  }

  @Test
  void cyclesAndIdClashesAreRejectedForTheWholeTree() {
    RootGroup cyclic =
        RootGroup.empty()
            .putApp(AppDefinition.builder(PathId.of("a")).cmd("x").dependencies(List.of(PathId.of("b"))).build())
            .putApp(AppDefinition.builder(PathId.of("b")).cmd("x").dependencies(List.of(PathId.of("a"))).build());
    assertThat(GroupValidator.validateRoot(cyclic))
        .singleElement()
        .satisfies(v -> assertThat(v.message()).startsWith("Dependency graph has cyclic dependencies: /a -> /b -> /a"));

    RootGroup clash = RootGroup.empty().putApp(AppDefinition.command(PathId.of("a"), "x")).putApp(AppDefinition.command(PathId.of("a", "b"), "x"));
    assertThat(GroupValidator.validateRoot(clash)).containsExactly(new Violation("/id", "An app and a group cannot have the same id: /a"));
  }
}
