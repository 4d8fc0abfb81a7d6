package io.drover.marathon.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.core.AgentId;
import io.drover.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LaunchQueueTest {
  private static final BackoffStrategy BACKOFF = new BackoffStrategy(Duration.ofSeconds(10), 2.0, Duration.ofSeconds(60));

  private final FakeClock clock = new FakeClock();
  private final LaunchQueue queue = new LaunchQueue(clock);

  private Optional<Duration> delay(String version) {
    return queue.delay("/web", version).map(LaunchDelay::delay);
  }

  @Test
  void theDelayStartsAtBackoffAndGrowsByTheFactorUpToTheCap() {
    queue.setWanted("/web", "v1", 1);

    queue.launchFailed("/web", "v1", BACKOFF);
    assertThat(delay("v1")).contains(Duration.ofSeconds(10));
    queue.launchFailed("/web", "v1", BACKOFF);
    assertThat(delay("v1")).contains(Duration.ofSeconds(20));
    queue.launchFailed("/web", "v1", BACKOFF);
    queue.launchFailed("/web", "v1", BACKOFF);
    assertThat(delay("v1")).contains(Duration.ofSeconds(60));
    queue.launchFailed("/web", "v1", BACKOFF);
    assertThat(delay("v1")).as("capped at maxLaunchDelay").contains(Duration.ofSeconds(60));
    assertThat(queue.delay("/web", "v1").orElseThrow().until()).isEqualTo(clock.instant().plusSeconds(60));
  }

  @Test
  void marathonsDefaultsGrowByFifteenPercent() {
    assertThat(BackoffStrategy.DEFAULT.next(Optional.empty())).isEqualTo(Duration.ofSeconds(1));
    assertThat(BackoffStrategy.DEFAULT.next(Optional.of(Duration.ofSeconds(1)))).isEqualTo(Duration.ofMillis(1150));
    assertThat(BackoffStrategy.DEFAULT.next(Optional.of(Duration.ofSeconds(299)))).isEqualTo(Duration.ofSeconds(300));
  }

  @Test
  void aDelayedVersionIsNotLaunchableUntilItsDelayEnds() {
    queue.setWanted("/web", "v1", 2);
    queue.setWanted("/db", "v1", 1);
    queue.launchFailed("/web", "v1", BACKOFF);

    assertThat(queue.launchable()).containsExactly(new PendingLaunch("/db", "v1", 1));
    assertThat(queue.launchableCount()).isEqualTo(1);
    assertThat(queue.isEmpty()).isFalse();
    assertThat(queue.nextDelayEnd()).contains(clock.instant().plusSeconds(10));

    clock.advance(Duration.ofSeconds(10));

    assertThat(queue.launchable()).containsExactlyInAnyOrder(new PendingLaunch("/db", "v1", 1), new PendingLaunch("/web", "v1", 2));
    assertThat(queue.launchableCount()).isEqualTo(3);
  }

  @Test
  void aNewVersionOrAResetStartsWithoutDelay() {
    queue.setWanted("/web", "v1", 1);
    queue.launchFailed("/web", "v1", BACKOFF);
    queue.launchFailed("/web", "v1", BACKOFF);

    assertThat(delay("v2")).isEmpty();
    queue.launchFailed("/web", "v2", BACKOFF);
    assertThat(delay("v2")).as("v2 starts its own backoff").contains(Duration.ofSeconds(10));

    queue.resetDelay("/web");

    assertThat(delay("v1")).isEmpty();
    assertThat(delay("v2")).isEmpty();
    queue.launchFailed("/web", "v1", BACKOFF);
    assertThat(delay("v1")).as("after a reset the backoff starts over").contains(Duration.ofSeconds(10));
  }

  @Test
  void aDelayLongOverIsForgotten() {
    queue.launchFailed("/web", "v1", BACKOFF);
    queue.launchFailed("/web", "v1", BACKOFF);
    clock.advance(Duration.ofSeconds(20 + 60));

    queue.launchFailed("/web", "v1", BACKOFF);

    assertThat(delay("v1")).contains(Duration.ofSeconds(10));
  }

  @Test
  void theQueueViewShowsCountDelayAndOverdue() {
    Instant queuedAt = clock.instant();
    queue.setWanted("/web", "v1", 3);
    queue.launchFailed("/web", "v1", BACKOFF);
    clock.advance(Duration.ofMillis(2500));

    QueueEntry delayed = queue.entries().get(0);
    assertThat(delayed.appId()).isEqualTo("/web");
    assertThat(delayed.version()).isEqualTo("v1");
    assertThat(delayed.count()).isEqualTo(3);
    assertThat(delayed.since()).isEqualTo(queuedAt);
    assertThat(delayed.delay()).isEqualTo(new QueueDelay(7, false));

    clock.advance(Duration.ofSeconds(8));
    assertThat(queue.entries().get(0).delay()).isEqualTo(new QueueDelay(0, true));

    queue.setWanted("/web", "v1", 0);
    assertThat(queue.entries()).isEmpty();
    assertThat(queue.isEmpty()).isTrue();
  }

  @Test
  void countsProcessedOffersAndRejectReasonsAsAFunnel() {
    queue.setWanted("/web", "v1", 2);
    AgentId a1 = AgentId.of("a1");
    AgentId a2 = AgentId.of("a2");
    AgentId a3 = AgentId.of("a3");
    AgentId a4 = AgentId.of("a4");

    queue.offersProcessed(
        "/web",
        List.of(
            OfferOutcome.rejected(a1, RejectReason.INSUFFICIENT_CPUS),
            OfferOutcome.rejected(a2, RejectReason.UNFULFILLED_CONSTRAINT),
            OfferOutcome.rejected(a3, RejectReason.INSUFFICIENT_MEMORY),
            OfferOutcome.rejected(a4, RejectReason.INSUFFICIENT_CPUS)));
    Instant lastUnused = clock.instant();
    clock.advance(Duration.ofSeconds(5));
    queue.offersProcessed("/web", List.of(OfferOutcome.used(a3), OfferOutcome.rejected(a1, RejectReason.INSUFFICIENT_CPUS)));

    ProcessedOffersSummary summary = queue.entries().get(0).processedOffersSummary();
    assertThat(summary.processedOffersCount()).isEqualTo(6);
    assertThat(summary.unusedOffersCount()).isEqualTo(5);
    assertThat(summary.lastUsedOfferAt()).contains(clock.instant());
    assertThat(summary.lastUnusedOfferAt()).contains(clock.instant());
    assertThat(lastUnused).isBefore(clock.instant());
    // Last offer per agent: a1 cpus, a2 constraint, a4 cpus (a3's last offer was used).
    assertThat(summary.rejectSummaryLastOffers())
        .containsExactly(
            new RejectCount(RejectReason.UNFULFILLED_ROLE, 0, 3),
            new RejectCount(RejectReason.UNFULFILLED_CONSTRAINT, 1, 3),
            new RejectCount(RejectReason.NO_CORRESPONDING_RESERVATION_FOUND, 0, 2),
            new RejectCount(RejectReason.AGENT_MAINTENANCE, 0, 2),
            new RejectCount(RejectReason.INSUFFICIENT_CPUS, 2, 2),
            new RejectCount(RejectReason.INSUFFICIENT_MEMORY, 0, 0),
            new RejectCount(RejectReason.INSUFFICIENT_DISK, 0, 0),
            new RejectCount(RejectReason.INSUFFICIENT_GPUS, 0, 0),
            new RejectCount(RejectReason.INSUFFICIENT_PORTS, 0, 0),
            new RejectCount(RejectReason.DECLINED_SCARCE_RESOURCES, 0, 0));
    assertThat(summary.rejectSummaryLaunchAttempt())
        .contains(
            new RejectCount(RejectReason.UNFULFILLED_CONSTRAINT, 1, 6),
            new RejectCount(RejectReason.INSUFFICIENT_CPUS, 3, 5),
            new RejectCount(RejectReason.INSUFFICIENT_MEMORY, 1, 2),
            new RejectCount(RejectReason.INSUFFICIENT_DISK, 0, 1));
  }

  @Test
  void statisticsStartAfreshEachTimeAnAppIsQueued() {
    queue.setWanted("/web", "v1", 1);
    queue.offersProcessed("/web", List.of(OfferOutcome.rejected(AgentId.of("a1"), RejectReason.INSUFFICIENT_CPUS)));
    queue.setWanted("/web", "v1", 0);
    queue.offersProcessed("/web", List.of(OfferOutcome.rejected(AgentId.of("a1"), RejectReason.INSUFFICIENT_CPUS)));

    queue.setWanted("/web", "v1", 1);

    assertThat(queue.entries().get(0).processedOffersSummary().processedOffersCount()).isZero();
  }

  @Test
  void removingAnAppForgetsItsDelaysToo() {
    queue.setWanted("/web", "v1", 1);
    queue.launchFailed("/web", "v1", BACKOFF);

    queue.removeApp("/web");

    assertThat(queue.isEmpty()).isTrue();
    assertThat(delay("v1")).isEmpty();
  }
}
