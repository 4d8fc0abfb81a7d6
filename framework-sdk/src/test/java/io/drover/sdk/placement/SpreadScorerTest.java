package io.drover.sdk.placement;

import static io.drover.sdk.placement.TestOffers.offer;
import static io.drover.sdk.placement.TestOffers.request;
import static io.drover.sdk.placement.TestOffers.site;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.core.TaskId;
import org.junit.jupiter.api.Test;

class SpreadScorerTest {
  private final SpreadScorer scorer = new SpreadScorer();
  private final TaskRequest web = request("web-new", "web", "cpus:0.1");
  private final Candidate onA1 = Candidate.of(offer("o1", "a1", "cpus:8"));
  private final Candidate onA2 = Candidate.of(offer("o2", "a2", "cpus:8"));

  private static void run(TaskTally tally, String agent, String group, int count) {
    for (int i = 0; i < count; i++) {
      tally.put(TaskId.of(group + "-" + agent + "-" + i), group, site(agent));
    }
  }

  @Test
  void anEmptyAgentScoresOne() {
    assertThat(scorer.score(web, onA1, RunningTasks.NONE)).isEqualTo(1.0);
  }

  @Test
  void fewerTasksOfTheGroupWinsHoweverBusyTheAgentIs() {
    TaskTally tally = new TaskTally();
    run(tally, "a1", "batch", 1000);
    run(tally, "a2", "web", 1);

    assertThat(scorer.score(web, onA1, tally)).isGreaterThan(scorer.score(web, onA2, tally));
  }

  @Test
  void theTotalBreaksTiesBetweenAgentsWithAsManyOfTheGroup() {
    TaskTally tally = new TaskTally();
    run(tally, "a1", "web", 2);
    run(tally, "a2", "web", 2);
    run(tally, "a2", "batch", 1);

    assertThat(scorer.score(web, onA1, tally)).isGreaterThan(scorer.score(web, onA2, tally));
  }

  @Test
  void staysWithinZeroAndOne() {
    TaskTally tally = new TaskTally();
    run(tally, "a1", "web", 500);
    run(tally, "a1", "batch", 5000);

    assertThat(scorer.score(web, onA1, tally)).isBetween(0.0, 1.0).isPositive();
  }
}
