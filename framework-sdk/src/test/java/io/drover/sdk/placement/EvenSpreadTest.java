package io.drover.sdk.placement;

import static io.drover.sdk.placement.TestOffers.offer;
import static io.drover.sdk.placement.TestOffers.request;
import static io.drover.sdk.placement.TestOffers.site;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.core.AgentId;
import io.drover.core.TaskId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvenSpreadTest {
  private static final AgentId A1 = AgentId.of("a1");
  private static final AgentId A2 = AgentId.of("a2");
  private static final AgentId A3 = AgentId.of("a3");

  @Test
  void theLevelIsTheLowestWhoseRoomBelowItHoldsTheNewTasks() {
    assertThat(EvenSpread.level(new int[] {0, 0, 0}, 6)).isEqualTo(2);
    assertThat(EvenSpread.level(new int[] {0, 0, 0}, 7)).isEqualTo(3);
    assertThat(EvenSpread.level(new int[] {2, 0, 0}, 2)).as("the empty agents catch up first").isEqualTo(1);
    assertThat(EvenSpread.level(new int[] {2, 0, 0}, 5)).isEqualTo(3);
    assertThat(EvenSpread.level(new int[] {4}, 3)).as("a lone peer takes them all").isEqualTo(7);
  }

  @Test
  void anAgentAtTheLevelIsVetoedAndOneBelowItIsNot() {
    TaskTally running = new TaskTally();
    running.put(TaskId.of("web.1"), "web", site("a1"));
    EvenSpread spread = EvenSpread.of(Map.of("web", 2), Map.of("web", List.of(A1, A2, A3)), running);
    TaskRequest web = request("web.2", "web", "cpus:1");

    assertThat(spread.level("web")).contains(1);
    assertThat(spread.check(web, Candidate.of(offer("o1", "a1", "cpus:4")), running)).hasValueSatisfying(veto -> {
      assertThat(veto.checker()).isEqualTo(EvenSpread.CHECKER);
      assertThat(veto.reason()).contains("a1.local").contains("already has 1");
    });
    assertThat(spread.check(web, Candidate.of(offer("o2", "a2", "cpus:4")), running)).isEmpty();
  }

  @Test
  void aGroupWithoutPeersIsNotLimited() {
    EvenSpread spread = EvenSpread.of(Map.of("web", 3, "db", 1), Map.of("db", List.of()), RunningTasks.NONE);
    assertThat(spread.level("web")).isEmpty();
    assertThat(spread.level("db")).isEmpty();
  }
}
