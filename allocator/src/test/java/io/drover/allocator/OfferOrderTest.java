package io.drover.allocator;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.allocator.sorter.ClusterTotals;
import io.drover.allocator.sorter.HierarchicalSorter;
import io.drover.allocator.sorter.SorterFactory;
import io.drover.core.FrameworkId;
import io.drover.core.FrameworkInfo;
import io.drover.core.Resources;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OfferOrderTest {
  private final ClusterTotals totals = new ClusterTotals();
  private final Map<String, FrameworkState> frameworks = new LinkedHashMap<>();

  private HierarchicalSorter sorter(SorterFactory factory, String... names) {
    totals.add(Resources.cpusMem(10, 10_000));
    HierarchicalSorter sorter = new HierarchicalSorter(factory, totals);
    for (String name : names) {
      FrameworkState framework =
          new FrameworkState(frameworks.size(), FrameworkId.of(name), FrameworkInfo.named(name, "*"), true);
      frameworks.put(name, framework);
      sorter.subscribe(name, "*");
    }
    return sorter;
  }

  private static List<String> look(OfferOrder order) {
    order.startLook();
    List<String> names = new ArrayList<>();
    for (int i = 0; order.has(i); i++) {
      names.add(order.role(i) + "/" + order.framework(i).key);
    }
    return names;
  }

  @Test
  void listsTheOfferablePairsInTheSortersOrder() {
    HierarchicalSorter sorter = sorter(SorterFactory.drf(), "a", "b", "c");
    frameworks.get("b").suppress(Set.of("*"));

    assertThat(look(new OfferOrder(sorter, frameworks))).containsExactly("*/a", "*/c");
  }

  @Test
  void anAllocationBetweenTwoLooksIsSeenByTheSecond() {
    HierarchicalSorter sorter = sorter(SorterFactory.drf(), "a", "b");
    OfferOrder order = new OfferOrder(sorter, frameworks);
    assertThat(look(order)).containsExactly("*/a", "*/b");

    sorter.allocated("a", "*", Resources.cpusMem(1, 0));

    assertThat(look(order)).containsExactly("*/b", "*/a");
  }

  @Test
  void aRandomOrderIsDrawnAfreshForEveryLook() {
    HierarchicalSorter sorter = sorter(SorterFactory.random(new Random(3)), "a", "b", "c", "d");
    OfferOrder order = new OfferOrder(sorter, frameworks);

    Set<List<String>> orders = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      orders.add(look(order));
    }

    assertThat(orders).hasSizeGreaterThan(1);
  }
}
