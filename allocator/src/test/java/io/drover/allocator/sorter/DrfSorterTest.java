package io.drover.allocator.sorter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.core.Resources;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class DrfSorterTest {
  private final ClusterTotals totals = new ClusterTotals();
  private final DrfSorter sorter = new DrfSorter(totals);

  private List<String> order() {
    return StreamSupport.stream(sorter.sorted().spliterator(), false).toList();
  }

  @Test
  void ordersByDominantShareThenByName() {
    totals.add(Resources.cpusMem(10, 100));
    sorter.add("c");
    sorter.add("b");
    sorter.add("a");
    sorter.allocated("a", Resources.cpusMem(1, 50)); // dominant: mem 0.5
    sorter.allocated("b", Resources.cpusMem(3, 10)); // dominant: cpus 0.3

    assertThat(order()).containsExactly("c", "b", "a");
    assertThat(sorter.share("a")).isEqualTo(0.5);
  }

  @Test
  void aClientMovesWhenItsAllocationChanges() {
    totals.add(Resources.cpusMem(10, 100));
    sorter.add("a");
    sorter.add("b");
    sorter.allocated("a", Resources.cpusMem(2, 0));
    assertThat(order()).containsExactly("b", "a");

    sorter.unallocated("a", Resources.cpusMem(2, 0));
    sorter.allocated("b", Resources.cpusMem(1, 0));

    assertThat(order()).containsExactly("a", "b");
  }

  @Test
  void weightDividesTheShare() {
    totals.add(Resources.cpusMem(10, 100));
    sorter.add("a");
    sorter.add("b");
    sorter.allocated("a", Resources.cpusMem(4, 0));
    sorter.allocated("b", Resources.cpusMem(3, 0));
    sorter.updateWeight("a", 2);

    assertThat(sorter.share("a")).isEqualTo(0.2);
    assertThat(order()).containsExactly("a", "b");
  }

  @Test
  void whenTheTotalsChangeTheDominantResourceAndTheOrderFollow() {
    totals.add(Resources.cpusMem(10, 100));
    sorter.add("cpu-heavy");
    sorter.add("mem-heavy");
    sorter.allocated("cpu-heavy", Resources.cpusMem(4, 10)); // 0.4
    sorter.allocated("mem-heavy", Resources.cpusMem(1, 30)); // 0.3
    assertThat(order()).containsExactly("mem-heavy", "cpu-heavy");

    totals.add(Resources.cpusMem(90, 0)); // cpus are now plentiful: 0.04 and 0.3

    assertThat(order()).containsExactly("cpu-heavy", "mem-heavy");
    assertThat(sorter.first(List.of("mem-heavy", "cpu-heavy"))).isEqualTo("cpu-heavy");
  }

  @Test
  void changesWhileTheOrderIsStaleAreKept() {
    totals.add(Resources.cpusMem(10, 100));
    sorter.add("a");
    sorter.add("b");
    totals.add(Resources.cpusMem(10, 100));
    sorter.allocated("a", Resources.cpusMem(5, 0));
    sorter.add("c");
    sorter.remove("b");

    assertThat(order()).containsExactly("c", "a");
    assertThat(sorter.share("a")).isEqualTo(0.25);
  }

  @Test
  void firstPicksTheBestOfTheCandidates() {
    totals.add(Resources.cpusMem(10, 100));
    for (String client : List.of("a", "b", "c")) {
      sorter.add(client);
    }
    sorter.allocated("a", Resources.cpusMem(1, 0));
    sorter.allocated("b", Resources.cpusMem(2, 0));

    assertThat(sorter.first(List.of("b", "a"))).isEqualTo("a");
    assertThat(sorter.first(List.of("c", "b", "a"))).isEqualTo("c");
    assertThatThrownBy(() -> sorter.first(List.of("z"))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void resourcesTheClusterDoesNotHaveDoNotCount() {
    totals.add(Resources.cpusMem(10, 100));
    sorter.add("a");
    sorter.allocated("a", Resources.parse("cpus:1;gpus:1;ports:[1-10]"));

    assertThat(sorter.share("a")).isEqualTo(0.1);
    assertThat(sorter.allocation("a")).isEqualTo(Resources.parse("cpus:1;gpus:1"));
  }

  @Test
  void aClientIsAddedOnce() {
    sorter.add("a");

    assertThatThrownBy(() -> sorter.add("a")).isInstanceOf(IllegalStateException.class).hasMessageContaining("already");
  }
}
