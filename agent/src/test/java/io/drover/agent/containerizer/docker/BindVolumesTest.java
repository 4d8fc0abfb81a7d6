package io.drover.agent.containerizer.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.agent.containerizer.docker.BindVolumes.Bind;
import io.drover.core.ContainerInfo.Volume;
import io.drover.core.InvalidValueException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BindVolumesTest {
  @TempDir Path dir;
  private Path root;
  private Path sandbox;

  @BeforeEach
  void layout() throws Exception {
    root = Files.createDirectories(dir.resolve("shared"));
    Files.createDirectories(root.resolve("data"));
    sandbox = Files.createDirectories(dir.resolve("sandbox"));
    Files.createDirectories(dir.resolve("secret"));
    Files.createSymbolicLink(root.resolve("sneaky"), dir.resolve("secret"));
  }

  private List<Bind> resolve(Volume... volumes) {
    return BindVolumes.resolve(List.of(volumes), Optional.of(sandbox), List.of(root));
  }

  @Test
  void relativePathsLieInTheSandboxAndAbsoluteOnesUnderARoot() throws Exception {
    assertThat(resolve(new Volume("cache/x", "/cache", false), new Volume(root.resolve("data").toString(), "/data/", true)))
        .containsExactly(new Bind(sandbox.resolve("cache/x"), "/cache", false, true), new Bind(root.resolve("data").toRealPath(), "/data", true, false));
  }

  @Test
  void withoutASandboxYetRelativePathsStayRelative() {
    assertThat(BindVolumes.resolve(List.of(new Volume("cache", "/cache", false)), Optional.empty(), List.of()))
        .containsExactly(new Bind(Path.of("cache"), "/cache", false, true));
  }

  @Test
  void refusesHostPathsThatLeaveWhereTheyMayLie() {
    assertThatThrownBy(() -> resolve(new Volume("../other", "/v", false))).isInstanceOf(InvalidValueException.class).hasMessageContaining("leaves the task's sandbox");
    assertThatThrownBy(() -> resolve(new Volume(".", "/v", false))).hasMessageContaining("leaves the task's sandbox");
    assertThatThrownBy(() -> resolve(new Volume(root + "/../secret", "/v", false))).hasMessageContaining("is outside the agent's volume roots");
    assertThatThrownBy(() -> resolve(new Volume(root.resolve("sneaky").toString(), "/v", false)))
        .hasMessageContaining("(really " + dir.resolve("secret") + ")")
        .hasMessageContaining("outside the agent's volume roots");
    assertThatThrownBy(() -> resolve(new Volume(root.resolve("missing").toString(), "/v", false))).hasMessageContaining("host path " + root.resolve("missing") + " does not exist");
    assertThatThrownBy(() -> BindVolumes.resolve(List.of(new Volume("/etc", "/v", true)), Optional.of(sandbox), List.of()))
        .hasMessageContaining("allows no absolute volume host paths");
  }

  @Test
  void refusesContainerPathsTheEngineWouldMisread() {
    assertThatThrownBy(() -> resolve(new Volume("x", "relative", false))).hasMessageContaining("container path 'relative' is not absolute");
    assertThatThrownBy(() -> resolve(new Volume("x", "/", false))).hasMessageContaining("the container's root cannot be a volume");
    assertThatThrownBy(() -> resolve(new Volume("x", "/a:/b", false))).hasMessageContaining("holds ':'");
    assertThatThrownBy(() -> resolve(new Volume("x:y", "/a", false))).hasMessageContaining("holds ':'");
    assertThatThrownBy(() -> resolve(new Volume("x", "/a", false), new Volume("y", "/a/", false))).hasMessageContaining("mounted twice");
    assertThatThrownBy(() -> resolve(new Volume(" ", "/a", false))).hasMessageContaining("host path is empty");
  }
}
