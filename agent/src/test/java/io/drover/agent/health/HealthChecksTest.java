package io.drover.agent.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.core.Ranges;
import org.junit.jupiter.api.Test;

class HealthChecksTest {
  @Test
  void portIndexCountsThroughTheRangesInOrder() {
    Ranges ports = Ranges.parse("[31000-31001,31005-31005,31010-31012]");

    assertThat(HealthChecks.nthPort(ports, 0)).isEqualTo(31000);
    assertThat(HealthChecks.nthPort(ports, 1)).isEqualTo(31001);
    assertThat(HealthChecks.nthPort(ports, 2)).isEqualTo(31005);
    assertThat(HealthChecks.nthPort(ports, 5)).isEqualTo(31012);
    assertThatThrownBy(() -> HealthChecks.nthPort(ports, 6)).hasMessageContaining("no port 6");
  }
}
