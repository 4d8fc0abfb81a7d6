package io.drover.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.core.FrameworkInfo;
import io.drover.core.Resources;
import io.drover.protocol.v1.Offer;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A master whose offers time out. */
class OfferTimeoutIT {
  private final TestCluster cluster = new TestCluster();

  @AfterEach
  void stop() throws Exception {
    cluster.close();
  }

  @Test
  void anOfferLeftAloneIsRescindedAndItsResourcesOfferedAgain() throws Exception {
    Master master = cluster.master(c -> c.withOfferTimeout(Optional.of(Duration.ofMillis(300))));
    await().atMost(TestCluster.WAIT).until(master::isLeading);
    cluster.agent("host1", Resources.cpusMem(2, 1024)).awaitRegistered();
    TestScheduler scheduler = cluster.scheduler(FrameworkInfo.named("idle")).awaitSubscribed();

    Offer first = scheduler.takeOffer();
    scheduler.awaitEvent(e -> e.hasRescind() && e.getRescind().getOfferId().equals(first.getId()));
    Offer second = scheduler.takeOffer();
    assertThat(second.getId()).isNotEqualTo(first.getId());
    assertThat(second.getResources()).isEqualTo(first.getResources());
  }
}
