package io.drover.allocator.sorter;

import java.util.Random;

/** Makes the sorters of an allocator: one for the roles and one for the frameworks of each role. */
@FunctionalInterface
public interface SorterFactory {
  Sorter create(ClusterTotals totals);

  /** Dominant resource fairness: lowest weighted dominant share first. */
  static SorterFactory drf() {
    return DrfSorter::new;
  }

  /** A weighted random order, drawn from {@code random} (seed it for repeatable runs). */
  static SorterFactory random(Random random) {
    return totals -> new RandomSorter(random, totals);
  }
}
