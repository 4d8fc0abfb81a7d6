package io.drover.allocator.sorter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A fresh weighted random order at every question: each client draws an exponential key with rate equal
 * to its weight and the smallest key goes first, so a client of weight 2 comes first twice as often as
 * one of weight 1 (Efraimidis and Spirakis). Shares are tracked only to be reported.
 */
public final class RandomSorter extends ClientTrackingSorter {
  private final Random random;

  public RandomSorter(Random random, ClusterTotals totals) {
    super(totals);
    this.random = random;
  }

  /** The order is drawn afresh at every question: nothing to keep up to date. */
  @Override
  void changed(SorterClient client) {}

  @Override
  void removed(String client) {}

  @Override
  public Iterable<String> sorted() {
    List<Drawn> drawn = new ArrayList<>(clients.size());
    for (SorterClient client : clients.all()) {
      drawn.add(new Drawn(draw(client), client.name));
    }
    drawn.sort(Comparator.comparingDouble(Drawn::key));
    return drawn.stream().map(Drawn::name).toList();
  }

  @Override
  public boolean repeatsOrder() {
    return false;
  }

  @Override
  public String first(Collection<String> candidates) {
    Drawn best = null;
    for (String candidate : candidates) {
      Drawn drawn = new Drawn(draw(clients.get(candidate)), candidate);
      if (best == null || drawn.key() < best.key()) {
        best = drawn;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException("no candidates to choose from");
    }
    return best.name();
  }

  private double draw(SorterClient client) {
    return -Math.log(1 - random.nextDouble()) / client.weight();
  }

  private record Drawn(double key, String name) {}
}
