package io.drover.allocator;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.allocator.CapturingOfferCallback.Offered;
import io.drover.allocator.sorter.SorterFactory;
import io.drover.core.AgentId;
import io.drover.core.FrameworkId;
import io.drover.core.Resources;
import io.drover.core.allocation.AllocatorOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomSortingAllocatorTest {
  private static List<List<Offered>> run(long seed) {
    AllocatorFixture fixture =
        new AllocatorFixture(SorterFactory.random(new Random(seed)), AllocatorOptions.DEFAULT_MIN_ALLOCATABLE);
    List<AgentId> agents = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      agents.add(fixture.agent("agent-" + i, "cpus:2;mem:2048"));
    }
    for (int i = 0; i < 6; i++) {
      fixture.framework("framework-" + i, i % 2 == 0 ? "blue" : "green");
    }
    List<List<Offered>> runs = new ArrayList<>();
    for (int run = 0; run < 10; run++) {
      List<Offered> offers = fixture.allocate();
      runs.add(offers);
      for (Offered offer : offers) {
        offer.resources().forEach((agent, resources) -> fixture.giveBack(offer.frameworkId(), agent, resources));
      }
    }
    return runs;
  }

  @Test
  void aSeededRandomSorterAllocatesRepeatablyAndReachesEveryFramework() {
    List<List<Offered>> runs = run(11);

    assertThat(run(11)).isEqualTo(runs);
    Set<FrameworkId> reached = new HashSet<>();
    runs.forEach(offers -> offers.forEach(o -> reached.add(o.frameworkId())));
    assertThat(reached).hasSize(6);
    runs.forEach(offers -> assertThat(offers.stream().mapToInt(o -> o.resources().size()).sum()).isEqualTo(5));
    assertThat(runs.get(0).get(0).resources().values()).containsOnly(Resources.cpusMem(2, 2048));
  }
}
