package io.drover.marathon.instance;

import static io.drover.marathon.instance.Instances.launched;
import static io.drover.marathon.instance.Instances.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.core.TaskState;
import io.drover.marathon.app.KillSelection;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KillOrderTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

  private static Instance running(int n, int startedSecond) {
    return running(n, startedSecond, "a1");
  }

  private static Instance running(int n, int startedSecond, String agent) {
    Instance created = launched("/web", n, "v1", agent, T0);
    return ((InstanceUpdate.Changed) InstanceTransitions.apply(created, status(created.id(), TaskState.TASK_RUNNING, T0), T0.plusSeconds(startedSecond))).next();
  }

  @Test
  void youngestOrOldestFirstAmongRunningInstances() {
    List<Instance> instances = List.of(running(1, 10), running(2, 30), running(3, 20));

    assertThat(KillOrder.choose(KillSelection.YOUNGEST_FIRST, instances, 2)).extracting(i -> i.id()).containsExactly(Instances.id("/web", 2), Instances.id("/web", 3));
    assertThat(KillOrder.choose(KillSelection.OLDEST_FIRST, instances, 1)).extracting(i -> i.id()).containsExactly(Instances.id("/web", 1));
  }

  @Test
  void instancesThatAreNotUpGoBeforeHealthyRunningOnes() {
    Instance old = running(1, 10);
    Instance young = running(2, 30);
    Instance staging = launched("/web", 3, "v1", "a1", T0.plusSeconds(5));
    Instance unreachable = running(4, 5).withCondition(Condition.UNREACHABLE, T0.plusSeconds(40));

    assertThat(KillOrder.choose(KillSelection.OLDEST_FIRST, List.of(old, young, staging, unreachable), 3))
        .extracting(Instance::id)
        .containsExactly(unreachable.id(), staging.id(), old.id());
  }

  @Test
  void anInstanceFailingACheckMarathonAppRunsGoesBeforeHealthyOnes() {
    Instance old = running(1, 10).withHostChecks(List.of(HealthState.HEALTHY));
    Instance failing = running(2, 5).withHostChecks(List.of(HealthState.UNHEALTHY));
    Instance young = running(3, 30).withHostChecks(List.of(HealthState.HEALTHY));

    assertThat(KillOrder.choose(KillSelection.YOUNGEST_FIRST, List.of(old, failing, young), 1)).containsExactly(failing);
  }

  @Test
  void aScaledDownAppStaysSpreadAcrossAgentsBeforeAgeDecides() {
    // a1 holds the two youngest, a2 and a3 two each of the older ones: killing 3 of 6 leaves one per agent.
    List<Instance> instances =
        List.of(running(1, 10, "a2"), running(2, 11, "a2"), running(3, 12, "a3"), running(4, 13, "a3"), running(5, 50, "a1"), running(6, 51, "a1"));

    List<Instance> chosen = KillOrder.choose(KillSelection.YOUNGEST_FIRST, instances, 3);

    assertThat(chosen).extracting(Instance::id).containsExactly(Instances.id("/web", 6), Instances.id("/web", 4), Instances.id("/web", 2));
  }
}
