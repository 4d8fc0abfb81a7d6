package io.drover.marathon.scheduling;

import static io.drover.marathon.instance.Instances.health;
import static io.drover.marathon.instance.Instances.launched;
import static io.drover.marathon.instance.Instances.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.core.HealthCheck;
import io.drover.core.TaskState;
import io.drover.marathon.deployment.RollingUpgrade;
import io.drover.marathon.instance.HealthState;
import io.drover.marathon.instance.Instance;
import io.drover.marathon.instance.InstanceTransitions;
import io.drover.marathon.instance.InstanceUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deployments judge instances healthy by every check of their app, not by the agent's alone. */
class ActionProgressTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private static final HealthCheck AGENT = new HealthCheck(HealthCheck.Protocol.COMMAND, "", 0, "true", Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), 0);
  private static final HealthCheck FROM_MARATHON = new HealthCheck(HealthCheck.Protocol.TCP, "", 0, "", Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), 0);
  private static final RunSpec NEXT = RunSpec.builder("/web", "v2").healthChecks(List.of(AGENT, FROM_MARATHON)).build();

  /** Running, the agent's check healthy, the other check as given. */
  private static Instance agentHealthy(int n, String version, HealthState other) {
    Instance created = launched("/web", n, version, "a1", T0).withHostChecks(List.of(other));
    Instance running = ((InstanceUpdate.Changed) InstanceTransitions.apply(created, status(created.id(), TaskState.TASK_RUNNING, T0), T0)).next();
    return ((InstanceUpdate.Changed) InstanceTransitions.apply(running, health(running.id(), true, T0), T0)).next();
  }

  @Test
  void aRestartCountsOnlyInstancesEveryCheckCallsHealthy() {
    List<Instance> instances =
        List.of(
            agentHealthy(1, "v1", HealthState.HEALTHY),
            agentHealthy(2, "v1", HealthState.UNHEALTHY),
            agentHealthy(3, "v2", HealthState.UNHEALTHY),
            agentHealthy(4, "v2", HealthState.UNKNOWN),
            agentHealthy(5, "v2", HealthState.HEALTHY));

    assertThat(ActionProgress.restart(NEXT, true, instances).counts()).isEqualTo(new RollingUpgrade.Counts(2, 1, 3, 1));
  }

  @Test
  void aScaleIsNotDoneWhileACheckMarathonAppRunsFails() {
    List<Instance> failing = List.of(agentHealthy(1, "v2", HealthState.UNHEALTHY));

    assertThat(ActionProgress.scaled(NEXT, 1, failing, 0)).isFalse();
    assertThat(ActionProgress.scaled(NEXT, 1, List.of(failing.get(0).withHostChecks(List.of(HealthState.HEALTHY))), 0)).isTrue();
  }
}
