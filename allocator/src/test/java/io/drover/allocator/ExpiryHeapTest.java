package io.drover.allocator;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.core.FrameworkId;
import io.drover.core.FrameworkInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExpiryHeapTest {
  private record Entry(long at, FrameworkState framework) {}

  @Test
  void pollsInOrderOfTimeWhateverTheOrderOfAdding() {
    Random random = new Random(5);
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      FrameworkId id = FrameworkId.of("f" + i);
      entries.add(new Entry(random.nextInt(100), new FrameworkState(i, id, FrameworkInfo.named("f" + i), true)));
    }
    long[] at = new long[200];
    FrameworkState[] frameworks = new FrameworkState[200];
    for (int i = 0; i < 150; i++) {
      at[i] = entries.get(i).at();
      frameworks[i] = entries.get(i).framework();
    }
    ExpiryHeap heap = new ExpiryHeap(at, frameworks, 150);
    for (int i = 150; i < 300; i++) {
      heap.add(entries.get(i).at(), entries.get(i).framework());
    }

    List<Long> polledTimes = new ArrayList<>();
    List<FrameworkState> polled = new ArrayList<>();
    while (!heap.isEmpty()) {
      polledTimes.add(heap.earliest());
      polled.add(heap.poll());
    }

    assertThat(polledTimes).isSortedAccordingTo(Comparator.naturalOrder()).hasSize(300);
    assertThat(polled).containsExactlyInAnyOrderElementsOf(entries.stream().map(Entry::framework).toList());
    for (int i = 0; i < polled.size(); i++) {
      FrameworkState framework = polled.get(i);
      long time = polledTimes.get(i);
      assertThat(entries).contains(new Entry(time, framework));
    }
  }

  @Test
  void anEmptyHeapGrowsWhenAddedTo() {
    ExpiryHeap heap = new ExpiryHeap(new long[0], new FrameworkState[0], 0);
    FrameworkState framework = new FrameworkState(0, FrameworkId.of("f"), FrameworkInfo.named("f"), true);

    heap.add(7, framework);
    heap.add(3, framework);

    assertThat(heap.earliest()).isEqualTo(3);
    heap.poll();
    assertThat(heap.earliest()).isEqualTo(7);
    heap.poll();
    assertThat(heap.isEmpty()).isTrue();
  }
}
