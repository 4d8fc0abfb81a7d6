package io.drover.agent.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.agent.Tasks;
import io.drover.core.FrameworkId;
import io.drover.core.TaskState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SandboxCollectionTest {
  private static final Instant NOW = Instant.parse("2026-01-08T00:00:00Z");
  private static final Duration WEEK = Duration.ofDays(7);

  private static CompletedTask completedAgo(String id, Duration ago) {
    return new CompletedTask(FrameworkId.of("fw"), Tasks.shell(id, "true"), TaskState.TASK_FINISHED, Optional.of(Path.of("/s", id)), NOW.minus(ago));
  }

  @Test
  void sandboxesOfTasksCompletedADelayAgoOrEarlierAreDue() {
    CompletedTask old = completedAgo("old", Duration.ofDays(8));
    CompletedTask exactly = completedAgo("exactly", WEEK);
    CompletedTask young = completedAgo("young", Duration.ofDays(6));
    CompletedTask younger = completedAgo("younger", Duration.ofHours(1));

    SandboxCollection plan = SandboxCollection.plan(List.of(old, young, exactly, younger), NOW, WEEK);

    assertThat(plan.due()).containsExactly(old, exactly);
    assertThat(plan.nextDue()).contains(NOW.plus(Duration.ofDays(1)));
  }

  @Test
  void nothingWaitingMeansNoNextTime() {
    SandboxCollection plan = SandboxCollection.plan(List.of(completedAgo("old", Duration.ofDays(8))), NOW, WEEK);

    assertThat(plan.due()).hasSize(1);
    assertThat(plan.nextDue()).isEmpty();
    assertThat(SandboxCollection.plan(List.of(), NOW, WEEK)).isEqualTo(new SandboxCollection(List.of(), Optional.empty()));
  }

  @Test
  void aZeroDelayCollectsEverySandboxAtOnce() {
    CompletedTask justNow = completedAgo("now", Duration.ZERO);

    assertThat(SandboxCollection.plan(List.of(justNow), NOW, Duration.ZERO).due()).containsExactly(justNow);
  }
}
