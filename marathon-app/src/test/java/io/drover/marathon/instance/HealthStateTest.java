package io.drover.marathon.instance;

import static io.drover.marathon.instance.HealthState.HEALTHY;
import static io.drover.marathon.instance.HealthState.UNHEALTHY;
import static io.drover.marathon.instance.HealthState.UNKNOWN;
import static io.drover.marathon.instance.Instances.health;
import static io.drover.marathon.instance.Instances.launched;
import static io.drover.marathon.instance.Instances.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.core.TaskState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Marathon's rule: healthy when every check says so, unhealthy when any says not, unknown otherwise. */
class HealthStateTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

  @Test
  void anyUnhealthyCheckMakesTheWholeUnhealthy() {
    assertThat(HealthState.combine(List.of(UNHEALTHY))).isEqualTo(UNHEALTHY);
    assertThat(HealthState.combine(List.of(HEALTHY, UNHEALTHY))).isEqualTo(UNHEALTHY);
    assertThat(HealthState.combine(List.of(UNKNOWN, HEALTHY, UNHEALTHY))).isEqualTo(UNHEALTHY);
  }

  @Test
  void healthyOnlyWhenEveryCheckSaysSo() {
    assertThat(HealthState.combine(List.of(HEALTHY))).isEqualTo(HEALTHY);
    assertThat(HealthState.combine(List.of(HEALTHY, HEALTHY, HEALTHY))).isEqualTo(HEALTHY);
    assertThat(HealthState.combine(List.of(HEALTHY, UNKNOWN))).as("a check without its first result").isEqualTo(UNKNOWN);
    assertThat(HealthState.combine(List.of(UNKNOWN, UNKNOWN))).isEqualTo(UNKNOWN);
    assertThat(HealthState.combine(List.of())).as("no checks, no verdict").isEqualTo(UNKNOWN);
  }

  @Test
  void aCheckAnswerBecomesAVerdict() {
    assertThat(HealthState.of(Optional.of(true))).isEqualTo(HEALTHY);
    assertThat(HealthState.of(Optional.of(false))).isEqualTo(UNHEALTHY);
    assertThat(HealthState.of(Optional.empty())).isEqualTo(UNKNOWN);
  }

  @Test
  void anInstanceCombinesTheAgentsCheckWithThoseMarathonAppRuns() {
    Instance created = launched("/web", 1, "v1", "a1", T0).withHostChecks(List.of(UNKNOWN));
    Instance running = ((InstanceUpdate.Changed) InstanceTransitions.apply(created, status(created.id(), TaskState.TASK_RUNNING, T0), T0)).next();
    Instance agentSaysHealthy = ((InstanceUpdate.Changed) InstanceTransitions.apply(running, health(running.id(), true, T0), T0)).next();

    assertThat(running.health()).isEqualTo(UNKNOWN);
    assertThat(agentSaysHealthy.hostChecks()).as("a status update keeps the other checks' verdicts").containsExactly(UNKNOWN);
    assertThat(agentSaysHealthy.health()).as("the other check has not answered yet").isEqualTo(UNKNOWN);
    assertThat(agentSaysHealthy.withHostChecks(List.of(HEALTHY)).health()).isEqualTo(HEALTHY);
    assertThat(agentSaysHealthy.withHostChecks(List.of(UNHEALTHY)).health()).isEqualTo(UNHEALTHY);
    assertThat(running.withHostChecks(List.of(HEALTHY)).health()).as("the agent's check has not answered yet").isEqualTo(UNKNOWN);
    Instance agentSaysUnhealthy = ((InstanceUpdate.Changed) InstanceTransitions.apply(agentSaysHealthy, health(running.id(), false, T0), T0)).next();
    assertThat(agentSaysUnhealthy.withHostChecks(List.of(HEALTHY)).health()).isEqualTo(UNHEALTHY);
    assertThat(launched("/web", 2, "v1", "a1", T0).health()).as("an app without checks").isEqualTo(UNKNOWN);
  }
}
