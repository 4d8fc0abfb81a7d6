package io.drover.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.core.FrameworkId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The benchmark's cluster, small: it must really be declined, and only by the filters. */
class DeclinedClusterTest {
  @Test
  void aDeclinedClusterOffersNothingRunAfterRun() {
    DeclinedCluster cluster = DeclinedCluster.declined(50, 20);

    assertThat(cluster.allocate()).isZero();
    assertThat(cluster.allocate()).isZero();
  }

  @Test
  void withoutTheDeclinesEveryAgentIsOffered() {
    DeclinedCluster cluster = DeclinedCluster.undeclined(50, 20);

    assertThat(cluster.allocate()).isEqualTo(50);
  }

  @Test
  void aFrameworkThatRevivesIsOfferedEveryAgentAgain() {
    DeclinedCluster cluster = DeclinedCluster.declined(50, 20);
    cluster.allocate();
    FrameworkId reviving = cluster.batchFrameworks().get(7);

    cluster.allocator().reviveOffers(reviving, Set.of());

    assertThat(cluster.allocate()).isEqualTo(50);
    // It holds the free rest of every agent: 8 of 24 cpus and all of the memory.
    assertThat(cluster.allocator().snapshot().frameworkDominantShares().get(reviving)).isEqualTo(1.0);
  }
}
