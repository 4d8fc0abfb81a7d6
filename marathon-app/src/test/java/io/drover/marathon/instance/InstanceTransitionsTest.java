package io.drover.marathon.instance;

import static io.drover.marathon.instance.Instances.health;
import static io.drover.marathon.instance.Instances.launched;
import static io.drover.marathon.instance.Instances.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.core.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InstanceTransitionsTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

  private static Instance apply(Instance instance, io.drover.core.TaskStatus status) {
    InstanceUpdate update = InstanceTransitions.apply(instance, status, status.timestamp());
    if (update instanceof InstanceUpdate.Changed changed) {
      return changed.next();
    }
    throw new AssertionError("expected a change, got " + update);
  }

  @Test
  void followsTheTaskFromLaunchToRunningAndRecordsWhenItStarted() {
    Instance created = launched("/web", 1, "v1", "a1", T0);

    Instance staging = apply(created, status(created.id(), TaskState.TASK_STAGING, T0.plusSeconds(1)));
    Instance running = apply(staging, status(created.id(), TaskState.TASK_RUNNING, T0.plusSeconds(2)));

    assertThat(staging.condition()).isEqualTo(Condition.STAGING);
    assertThat(staging.startedAt()).isEmpty();
    assertThat(running.condition()).isEqualTo(Condition.RUNNING);
    assertThat(running.taskState()).contains(TaskState.TASK_RUNNING);
    assertThat(running.startedAt()).contains(T0.plusSeconds(2));
    assertThat(running.conditionSince()).isEqualTo(T0.plusSeconds(2));
    assertThat(running.stagedAt()).isEqualTo(T0);
  }

  @Test
  void aTerminalStateEndsTheInstance() {
    Instance running = apply(launched("/web", 1, "v1", "a1", T0), status(Instances.id("/web", 1), TaskState.TASK_RUNNING, T0));

    InstanceUpdate update = InstanceTransitions.apply(running, status(running.id(), TaskState.TASK_FAILED, T0.plusSeconds(5)), T0.plusSeconds(5));

    assertThat(update).isInstanceOfSatisfying(InstanceUpdate.Ended.class, e -> assertThat(e.last().condition()).isEqualTo(Condition.FAILED));
  }

  @Test
  void repeatsAndImpossibleMovesChangeNothing() {
    Instance running = apply(launched("/web", 1, "v1", "a1", T0), status(Instances.id("/web", 1), TaskState.TASK_RUNNING, T0));

    assertThat(InstanceTransitions.apply(running, status(running.id(), TaskState.TASK_RUNNING, T0.plusSeconds(9)), T0.plusSeconds(9)))
        .isInstanceOf(InstanceUpdate.Unchanged.class);
    assertThat(InstanceTransitions.apply(running, status(running.id(), TaskState.TASK_STAGING, T0.plusSeconds(9)), T0.plusSeconds(9)))
        .isEqualTo(new InstanceUpdate.Unchanged("TASK_STAGING cannot follow TASK_RUNNING"));
  }

  @Test
  void countsConsecutiveHealthFailuresAndResetsOnAHealthyReport() {
    Instance running = apply(launched("/web", 1, "v1", "a1", T0), status(Instances.id("/web", 1), TaskState.TASK_RUNNING, T0));

    Instance once = apply(running, health(running.id(), false, T0.plusSeconds(10)));
    Instance twice = apply(once, health(running.id(), false, T0.plusSeconds(20)));
    Instance recovered = apply(twice, health(running.id(), true, T0.plusSeconds(30)));

    assertThat(twice.agentHealth()).isEqualTo(new Health(Optional.of(false), 2, Optional.of(T0.plusSeconds(10))));
    assertThat(recovered.agentHealth()).isEqualTo(new Health(Optional.of(true), 0, Optional.empty()));
  }

  @Test
  void anInstanceGivenUpAsUnreachableStaysSoUntilItReallyComesBack() {
    Instance running = apply(launched("/web", 1, "v1", "a1", T0), status(Instances.id("/web", 1), TaskState.TASK_RUNNING, T0));
    Instance unreachable = apply(running, status(running.id(), TaskState.TASK_UNREACHABLE, T0.plusSeconds(1)));
    Instance inactive = unreachable.withCondition(Condition.UNREACHABLE_INACTIVE, T0.plusSeconds(60));

    assertThat(unreachable.isCounted()).isTrue();
    assertThat(inactive.isCounted()).isFalse();
    assertThat(InstanceTransitions.apply(inactive, status(running.id(), TaskState.TASK_UNREACHABLE, T0.plusSeconds(70)), T0.plusSeconds(70)))
        .isInstanceOf(InstanceUpdate.Unchanged.class);
    Instance back = apply(inactive, status(running.id(), TaskState.TASK_RUNNING, T0.plus(Duration.ofMinutes(5))));
    assertThat(back.condition()).isEqualTo(Condition.RUNNING);
    assertThat(back.isCounted()).isTrue();
  }

  @Test
  void mapsEveryTaskStateToACondition() {
    for (TaskState state : TaskState.values()) {
      Condition condition = Condition.of(state);
      assertThat(condition.isTerminal()).as(state.name()).isEqualTo(state.isTerminal() || state == TaskState.TASK_UNKNOWN);
    }
  }
}
