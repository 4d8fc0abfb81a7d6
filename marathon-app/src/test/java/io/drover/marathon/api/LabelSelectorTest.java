package io.drover.marathon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {
  private static final Map<String, String> LABELS = Map.of("tier", "front", "env", "prod");

  @Test
  void everyRequirementMustHold() {
    assertThat(LabelSelector.parse("tier").test(LABELS)).isTrue();
    assertThat(LabelSelector.parse("!tier").test(LABELS)).isFalse();
    assertThat(LabelSelector.parse("!team").test(LABELS)).isTrue();
    assertThat(LabelSelector.parse("tier==front,env==prod").test(LABELS)).isTrue();
    assertThat(LabelSelector.parse("tier==front,env==dev").test(LABELS)).isFalse();
    assertThat(LabelSelector.parse("env!=dev").test(LABELS)).isTrue();
    assertThat(LabelSelector.parse("env in (dev, prod),tier").test(LABELS)).isTrue();
    assertThat(LabelSelector.parse("env notin (dev, prod)").test(LABELS)).isFalse();
    assertThat(LabelSelector.parse("team in (a)").test(LABELS)).isFalse();
  }

  @Test
  void nonsenseIsRefusedWithTheRequirement() {
    assertThatThrownBy(() -> LabelSelector.parse("tier = front"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessageContaining("'tier = front'");
  }
}
