package io.drover.sdk.placement;

import static io.drover.sdk.placement.TestOffers.site;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.core.AgentId;
import io.drover.core.TaskId;
import org.junit.jupiter.api.Test;

class TaskTallyTest {
  private final AgentId a1 = AgentId.of("a1");

  @Test
  void countsTasksPerAgentAndGroupAsTheyComeAndGo() {
    TaskTally tally = new TaskTally();
    tally.put(TaskId.of("web-1"), "web", site("a1"));
    tally.put(TaskId.of("web-2"), "web", site("a1"));
    tally.put(TaskId.of("db-1"), "db", site("a1"));
    tally.put(TaskId.of("web-3"), "web", site("a2"));

    assertThat(tally.count(a1, "web")).isEqualTo(2);
    assertThat(tally.total(a1)).isEqualTo(3);
    assertThat(tally.sites("web")).extracting(TaskSite::agentId).containsExactly(a1, a1, AgentId.of("a2"));

    assertThat(tally.remove(TaskId.of("web-1"))).isTrue();
    assertThat(tally.remove(TaskId.of("web-1"))).isFalse();
    assertThat(tally.count(a1, "web")).isEqualTo(1);
    assertThat(tally.total(a1)).isEqualTo(2);
    assertThat(tally.size()).isEqualTo(3);
  }

  @Test
  void puttingATaskAgainMovesIt() {
    TaskTally tally = new TaskTally();
    tally.put(TaskId.of("web-1"), "web", site("a1"));
    tally.put(TaskId.of("web-1"), "web", site("a2"));

    assertThat(tally.total(a1)).isZero();
    assertThat(tally.count(AgentId.of("a2"), "web")).isEqualTo(1);
    assertThat(tally.sites("web")).hasSize(1);
  }
}
