package io.drover.allocator.sorter;

import io.drover.core.InvalidValueException;
import io.drover.core.Resources;

/** One client of a sorter: its weight and what it holds. */
final class SorterClient {
  final String name;
  private double weight = 1;
  private Resources allocation = Resources.EMPTY;

  SorterClient(String name) {
    this.name = name;
  }

  double weight() {
    return weight;
  }

  void weight(double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new InvalidValueException("weight of '" + name + "' must be a finite number > 0, not " + value);
    }
    weight = value;
  }

  Resources allocation() {
    return allocation;
  }

  void allocated(Resources resources) {
    allocation = allocation.plus(resources.scalars());
  }

  void unallocated(Resources resources) {
    allocation = allocation.minus(resources.scalars());
  }

  double share(ClusterTotals totals) {
    return totals.dominantShare(allocation) / weight;
  }
}
