package io.drover.allocator.sorter;

import io.drover.core.Resources;
import java.util.Collection;

/**
 * Orders the clients that compete for resources: the roles of the cluster, or the frameworks of one role
 * (Mesos's sorter). A client's allocation is what it holds, offered or in use; only its scalar part counts.
 * Its share is its dominant share of the cluster divided by its weight (1 unless updated).
 */
public interface Sorter {
  void add(String client);

  /** Forgets the client together with its allocation. */
  void remove(String client);

  boolean contains(String client);

  boolean isEmpty();

  void updateWeight(String client, double weight);

  void allocated(String client, Resources resources);

  void unallocated(String client, Resources resources);

  /** The scalar resources the client holds. */
  Resources allocation(String client);

  /** The client's dominant share divided by its weight. */
  double share(String client);

  /** Every client, in the order in which it should be offered resources; valid until the sorter changes. */
  Iterable<String> sorted();

  /**
   * Whether {@link #sorted} gives the same order again for as long as the sorter does not change, so that
   * the order may be kept; false for an order drawn afresh at every question.
   */
  boolean repeatsOrder();

  /** Of {@code candidates}, all clients of this sorter, the one that {@link #sorted} would put first. */
  String first(Collection<String> candidates);
}
