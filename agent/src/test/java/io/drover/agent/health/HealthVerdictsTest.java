package io.drover.agent.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.core.HealthCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HealthVerdictsTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private static HealthVerdicts verdicts(Duration grace, int maxFailures) {
    return new HealthVerdicts(new HealthCheck(HealthCheck.Protocol.TCP, "/", 0, "", grace, Duration.ofSeconds(1), Duration.ofSeconds(1), maxFailures), START);
  }

  private static Instant at(int seconds) {
    return START.plusSeconds(seconds);
  }

  @Test
  void failuresWithinTheGracePeriodDoNotCount() {
    HealthVerdicts v = verdicts(Duration.ofSeconds(10), 1);

    assertThat(v.record(false, at(1))).isEmpty();
    assertThat(v.record(false, at(9))).isEmpty();
    assertThat(v.consecutiveFailures()).isZero();
    assertThat(v.healthy()).isEmpty();

    assertThat(v.record(false, at(10))).contains(false);
  }

  @Test
  void aSuccessEndsTheGracePeriodEarly() {
    HealthVerdicts v = verdicts(Duration.ofSeconds(60), 1);

    assertThat(v.record(true, at(1))).contains(true);
    assertThat(v.record(false, at(2))).contains(false);
  }

  @Test
  void theFirstVerdictIsReportedAndRepeatsAreNot() {
    HealthVerdicts v = verdicts(Duration.ZERO, 3);

    assertThat(v.record(true, at(1))).contains(true);
    assertThat(v.record(true, at(2))).isEmpty();
    assertThat(v.healthy()).contains(true);
  }

  @Test
  void aTaskTurnsUnhealthyOnlyAfterMaxConsecutiveFailures() {
    HealthVerdicts v = verdicts(Duration.ZERO, 3);
    v.record(true, at(0));

    assertThat(v.record(false, at(1))).isEmpty();
    assertThat(v.record(false, at(2))).isEmpty();
    assertThat(v.record(false, at(3))).contains(false);
    assertThat(v.record(false, at(4))).isEmpty();
    assertThat(v.consecutiveFailures()).isEqualTo(4);
  }

  @Test
  void aSuccessResetsTheCountOfFailures() {
    HealthVerdicts v = verdicts(Duration.ZERO, 2);
    v.record(true, at(0));

    assertThat(v.record(false, at(1))).isEmpty();
    assertThat(v.record(true, at(2))).isEmpty();
    assertThat(v.record(false, at(3))).isEmpty();
    assertThat(v.consecutiveFailures()).isEqualTo(1);
    assertThat(v.healthy()).contains(true);
  }

  @Test
  void aFlappingTaskReportsEveryFlip() {
    HealthVerdicts v = verdicts(Duration.ZERO, 1);

    assertThat(v.record(true, at(1))).contains(true);
    assertThat(v.record(false, at(2))).contains(false);
    assertThat(v.record(true, at(3))).contains(true);
    assertThat(v.record(false, at(4))).contains(false);
    assertThat(v.record(false, at(5))).isEmpty();
    assertThat(v.record(true, at(6))).contains(true);
  }

  @Test
  void zeroMaxFailuresMeansTheFirstFailureCounts() {
    HealthVerdicts v = verdicts(Duration.ZERO, 0);

    assertThat(v.record(false, at(1))).isEqualTo(Optional.of(false));
  }
}
