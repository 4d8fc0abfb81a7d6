package io.drover.allocator.sorter;

import io.drover.core.Resources;
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
public final class RandomSorter implements Sorter {
  private final Random random;
  private final ClusterTotals totals;
  private final SorterClients clients = new SorterClients();

  public RandomSorter(Random random, ClusterTotals totals) {
    this.random = random;
    this.totals = totals;
  }

  @Override
  public void add(String client) {
    clients.add(client);
  }

  @Override
  public void remove(String client) {
    clients.remove(client);
  }

  @Override
  public boolean contains(String client) {
    return clients.contains(client);
  }

  @Override
  public boolean isEmpty() {
    return clients.isEmpty();
  }

  @Override
  public void updateWeight(String client, double weight) {
    clients.get(client).weight(weight);
  }

  @Override
  public void allocated(String client, Resources resources) {
    clients.get(client).allocated(resources);
  }

  @Override
  public void unallocated(String client, Resources resources) {
    clients.get(client).unallocated(resources);
  }

  @Override
  public Resources allocation(String client) {
    return clients.get(client).allocation();
  }

  @Override
  public double share(String client) {
    return clients.get(client).share(totals);
  }

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
