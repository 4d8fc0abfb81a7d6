package io.drover.agent.containerizer.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.core.InvalidValueException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {
  @Test
  void readsRepositoryTagAndDigest() {
    assertThat(ImageReference.parse("busybox")).isEqualTo(new ImageReference("busybox", Optional.empty(), Optional.empty()));
    assertThat(ImageReference.parse("drover-test/busybox:1")).isEqualTo(new ImageReference("drover-test/busybox", Optional.of("1"), Optional.empty()));
    assertThat(ImageReference.parse("registry.local:5000/team/app:v1.2-rc_3").repository()).isEqualTo("registry.local:5000/team/app");
    String digest = "sha256:" + "ab".repeat(32);
    assertThat(ImageReference.parse("app@" + digest).digest()).contains(digest);
  }

  @Test
  void pullsTheDigestElseTheTagElseLatestNeverEveryTag() {
    assertThat(ImageReference.parse("busybox").pullTag()).isEqualTo("latest");
    assertThat(ImageReference.parse("busybox:1.36").pullTag()).isEqualTo("1.36");
    assertThat(ImageReference.parse("busybox:1.36@sha256:" + "0".repeat(64)).pullTag()).isEqualTo("sha256:" + "0".repeat(64));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Bad Image!", "UPPER", "app:", "app:-tag", "app@sha256:short", "a//b", "-app", "app;rm -rf /", "app:tag with space"})
  void refusesNamesTheEngineWouldRefuse(String name) {
    assertThatThrownBy(() -> ImageReference.parse(name)).isInstanceOf(InvalidValueException.class).hasMessageStartingWith("image name '" + name + "' is invalid");
  }

  @Test
  void refusesOverlongNames() {
    assertThatThrownBy(() -> ImageReference.parse("a".repeat(256))).hasMessageContaining("longer than 255");
  }
}
