package io.drover.allocator.sorter;

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
public final class DrfSorter extends ClientTrackingSorter {
  private static final Comparator<Ranked> ORDER =
      Comparator.comparingDouble(Ranked::share).thenComparing(Ranked::name);

  private final Map<String, Ranked> ranks = new HashMap<>();
  private final TreeSet<Ranked> order = new TreeSet<>(ORDER);
  /** The totals' version the order was built for; while it is behind, changes skip the tree. */
  private long orderedForVersion = -1;

  public DrfSorter(ClusterTotals totals) {
    super(totals);
  }

  @Override
  void changed(SorterClient client) {
    rank(client);
  }

  @Override
  void removed(String client) {
    Ranked ranked = ranks.remove(client);
    if (orderIsCurrent()) {
      order.remove(ranked);
    }
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
  public boolean repeatsOrder() {
    return true;
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
