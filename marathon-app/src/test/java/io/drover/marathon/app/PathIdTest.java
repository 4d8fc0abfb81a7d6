package io.drover.marathon.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathIdTest {
  @Test
  void parsesAbsoluteAndRelativeIds() {
    assertThat(PathId.parse("/prod/web")).isEqualTo(PathId.of("prod", "web"));
    assertThat(PathId.parse("/prod//web/").toString()).isEqualTo("/prod/web");
    assertThat(PathId.parse("web").absolute()).isFalse();
    assertThat(PathId.parse("/").isRoot()).isTrue();
  }

  @Test
  void relativeIdsResolveAgainstTheirGroup() {
    PathId group = PathId.of("prod", "frontend");

    assertThat(PathId.parse("web").canonical(group)).isEqualTo(PathId.of("prod", "frontend", "web"));
    assertThat(PathId.parse("../db").canonical(group)).isEqualTo(PathId.of("prod", "db"));
    assertThat(PathId.parse("./cache").canonical(group)).isEqualTo(PathId.of("prod", "frontend", "cache"));
    assertThat(PathId.parse("/other").canonical(group)).isEqualTo(PathId.of("other"));
  }

  @Test
  void knowsItsPlaceInTheTree() {
    PathId web = PathId.of("prod", "web");

    assertThat(web.parent()).isEqualTo(PathId.of("prod"));
    assertThat(web.name()).isEqualTo("web");
    assertThat(web.isWithin(PathId.of("prod"))).isTrue();
    assertThat(web.isWithin(PathId.ROOT)).isTrue();
    assertThat(PathId.of("production").isWithin(PathId.of("prod"))).isFalse();
    assertThat(PathId.ROOT.parent()).isEqualTo(PathId.ROOT);
  }
}
