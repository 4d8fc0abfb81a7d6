package io.drover.allocator.sorter;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.core.Resources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class RandomSorterTest {
  private static final List<String> CLIENTS = List.of("a", "b", "c", "d", "e", "f");

  private static RandomSorter sorter(long seed) {
    RandomSorter sorter = new RandomSorter(new Random(seed), new ClusterTotals());
    CLIENTS.forEach(sorter::add);
    return sorter;
  }

  private static List<String> order(Sorter sorter) {
    return StreamSupport.stream(sorter.sorted().spliterator(), false).toList();
  }

  @Test
  void theSameSeedGivesTheSameOrders() {
    RandomSorter one = sorter(7);
    RandomSorter other = sorter(7);

    for (int i = 0; i < 10; i++) {
      assertThat(order(one)).isEqualTo(order(other));
    }
  }

  @Test
  void everyOrderHoldsEveryClientOnceAndOrdersVary() {
    RandomSorter sorter = sorter(7);
    List<List<String>> orders = new ArrayList<>();

    for (int i = 0; i < 100; i++) {
      List<String> order = order(sorter);
      assertThat(order).containsExactlyInAnyOrderElementsOf(CLIENTS);
      orders.add(order);
    }

    assertThat(orders.stream().distinct().count()).isGreaterThan(50);
    assertThat(orders.stream().map(o -> o.get(0)).distinct()).containsExactlyInAnyOrderElementsOf(CLIENTS);
  }

  @Test
  void aHeavierClientComesFirstMoreOften() {
    RandomSorter sorter = new RandomSorter(new Random(3), new ClusterTotals());
    sorter.add("light");
    sorter.add("heavy");
    sorter.updateWeight("heavy", 3);
    Map<String, Integer> firsts = new HashMap<>();

    for (int i = 0; i < 4_000; i++) {
      firsts.merge(sorter.first(List.of("light", "heavy")), 1, Integer::sum);
    }

    // heavy is first with probability 3/4
    assertThat(firsts.get("heavy")).isBetween(2_800, 3_200);
  }

  @Test
  void sharesAreTrackedForReporting() {
    ClusterTotals totals = new ClusterTotals();
    totals.add(Resources.cpusMem(10, 100));
    RandomSorter sorter = new RandomSorter(new Random(1), totals);
    sorter.add("a");
    sorter.allocated("a", Resources.cpusMem(5, 10));

    assertThat(sorter.share("a")).isEqualTo(0.5);
  }
}
