package io.drover.allocator.sorter;

import io.drover.core.Resources;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;

/**
 * Dominant resource fairness: the client with the lowest weighted dominant share comes first, ties by
 * name. The order is kept in a tree and a changed client moves in it in O(log n); when the cluster's totals
 * change, every share changes with them and the tree is rebuilt on the next question asked.
 */
public final class DrfSorter implements Sorter {
  private static final Comparator<Ranked> ORDER =
      Comparator.comparingDouble(Ranked::share).thenComparing(Ranked::name);

  private final ClusterTotals totals;
  private final SorterClients clients = new SorterClients();
  private final Map<String, Ranked> ranks = new HashMap<>();
  private final TreeSet<Ranked> order = new TreeSet<>(ORDER);
  /** The totals' version the order was built for; while it is behind, changes skip the tree. */
  private long orderedForVersion = -1;

  public DrfSorter(ClusterTotals totals) {
    this.totals = totals;
  }

  @Override
  public void add(String client) {
    rank(clients.add(client));
  }

  @Override
  public void remove(String client) {
    clients.remove(client);
    Ranked ranked = ranks.remove(client);
    if (orderIsCurrent()) {
      order.remove(ranked);
    }
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
    SorterClient c = clients.get(client);
    c.weight(weight);
    rank(c);
  }

  @Override
  public void allocated(String client, Resources resources) {
    SorterClient c = clients.get(client);
    c.allocated(resources);
    rank(c);
  }

  @Override
  public void unallocated(String client, Resources resources) {
    SorterClient c = clients.get(client);
    c.unallocated(resources);
    rank(c);
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
    TreeSet<Ranked> current = currentOrder();
    return () -> {
      Iterator<Ranked> ranked = current.iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return ranked.hasNext();
        }

        @Override
        public String next() {
          return ranked.next().name();
        }
      };
    };
  }

  @Override
  public String first(Collection<String> candidates) {
    currentOrder();
    Ranked best = null;
    for (String candidate : candidates) {
      Ranked ranked = ranks.get(candidate);
      if (ranked == null) {
        throw new IllegalStateException("sorter client '" + candidate + "' is unknown");
      }
      if (best == null || ORDER.compare(ranked, best) < 0) {
        best = ranked;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException("no candidates to choose from");
    }
    return best.name();
  }

  private void rank(SorterClient client) {
    Ranked ranked = new Ranked(client.share(totals), client.name);
    Ranked previous = ranks.put(client.name, ranked);
    if (orderIsCurrent()) {
      if (previous != null) {
        order.remove(previous);
      }
      order.add(ranked);
    }
  }

  private boolean orderIsCurrent() {
    return orderedForVersion == totals.version();
  }

  private TreeSet<Ranked> currentOrder() {
    if (!orderIsCurrent()) {
      order.clear();
      ranks.clear();
      orderedForVersion = totals.version();
      for (SorterClient client : clients.all()) {
        rank(client);
      }
    }
    return order;
  }

  /** A client's place in the order; immutable, so that the tree can find it again. */
  private record Ranked(double share, String name) {}
}
