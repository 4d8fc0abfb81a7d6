package io.drover.sdk.placement;

import static io.drover.sdk.placement.TestOffers.offer;
import static io.drover.sdk.placement.TestOffers.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BinPackScorerTest {
  private final BinPackScorer scorer = new BinPackScorer();

  @Test
  void scoresTheShareOfWhatIsLeftThatTheTaskTakes() {
    TaskRequest task = request("t", "g", "cpus:1;mem:256");

    assertThat(scorer.score(task, Candidate.of(offer("o1", "a1", "cpus:1;mem:256")), RunningTasks.NONE)).isEqualTo(1.0);
    assertThat(scorer.score(task, Candidate.of(offer("o2", "a2", "cpus:4;mem:512")), RunningTasks.NONE)).isCloseTo(0.375, within(1e-9));
  }

  @Test
  void prefersTheTighterFit() {
    TaskRequest task = request("t", "g", "cpus:1;mem:128");

    double tight = scorer.score(task, Candidate.of(offer("o1", "a1", "cpus:2;mem:256")), RunningTasks.NONE);
    double loose = scorer.score(task, Candidate.of(offer("o2", "a2", "cpus:8;mem:4096")), RunningTasks.NONE);

    assertThat(tight).isGreaterThan(loose);
    assertThat(loose).isBetween(0.0, 1.0);
  }

  @Test
  void aTaskAskingForNoScalarScoresZero() {
    assertThat(scorer.score(request("t", "g", "ports:[80-80]"), Candidate.of(offer("o1", "a1", "ports:[80-80]")), RunningTasks.NONE))
        .isZero();
  }
}
