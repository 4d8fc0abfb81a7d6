package io.drover.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ValuesTest {
  @Test
  void idsRejectPathsAndBlanks() {
    assertThat(TaskId.of("web.1-abc:2").value()).isEqualTo("web.1-abc:2");
    assertThatThrownBy(() -> TaskId.of("../etc")).hasMessageContaining("invalid");
    assertThatThrownBy(() -> AgentId.of("")).hasMessageContaining("invalid");
    assertThatThrownBy(() -> FrameworkId.of("a/b")).hasMessageContaining("invalid");
  }

  @Test
  void attributesParseAndPrint() {
    Attributes a = Attributes.parse("rack:r1; zone:a");
    assertThat(a.get("rack")).contains("r1");
    assertThat(a.get("missing")).isEmpty();
    assertThat(Attributes.parse(a.toString())).isEqualTo(a);
    assertThatThrownBy(() -> Attributes.parse("rack")).hasMessageContaining("name:value");
    assertThatThrownBy(() -> Attributes.parse("rack:a;rack:b")).hasMessageContaining("more than once");
  }

  @Test
  void frameworkInfoDefaults() {
    FrameworkInfo f = FrameworkInfo.named("marathon");
    assertThat(f.roles()).containsExactly("*");
    assertThat(f.failoverTimeout()).isEqualTo(Duration.ofDays(7));
    assertThatThrownBy(() -> FrameworkInfo.named("x", "../r")).hasMessageContaining("role");
    assertThatThrownBy(() -> FrameworkInfo.named(" ")).hasMessageContaining("name");
  }

  @Test
  void filtersFromSeconds() {
    assertThat(Filters.refuseSeconds(1.5).refuse()).isEqualTo(Duration.ofMillis(1500));
    assertThat(Filters.DEFAULT.refuse()).isEqualTo(Duration.ofSeconds(5));
    assertThatThrownBy(() -> Filters.refuseSeconds(-1)).hasMessageContaining(">= 0");
  }
}
