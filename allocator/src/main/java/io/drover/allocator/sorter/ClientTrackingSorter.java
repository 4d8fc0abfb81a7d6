package io.drover.allocator.sorter;

import io.drover.core.Resources;

/**
 * What every sorter keeps alike: its clients with their weights and allocations, and their shares of the
 * cluster. Subclasses decide the order and hear of each change that could move a client in it.
 */
abstract class ClientTrackingSorter implements Sorter {
  final ClusterTotals totals;
  final SorterClients clients = new SorterClients();

  ClientTrackingSorter(ClusterTotals totals) {
    this.totals = totals;
  }

  /** The client was added, or its weight or allocation changed. */
  abstract void changed(SorterClient client);

  /** The client is gone. */
  abstract void removed(String client);

  @Override
  public final void add(String client) {
    changed(clients.add(client));
  }

  @Override
  public final void remove(String client) {
    clients.remove(client);
    removed(client);
  }

  @Override
  public final boolean contains(String client) {
    return clients.contains(client);
  }

  @Override
  public final boolean isEmpty() {
    return clients.isEmpty();
  }

  @Override
  public final void updateWeight(String client, double weight) {
    SorterClient c = clients.get(client);
    c.weight(weight);
    changed(c);
  }

  @Override
  public final void allocated(String client, Resources resources) {
    SorterClient c = clients.get(client);
    c.allocated(resources);
    changed(c);
  }

  @Override
  public final void unallocated(String client, Resources resources) {
    SorterClient c = clients.get(client);
    c.unallocated(resources);
    changed(c);
  }

  @Override
  public final Resources allocation(String client) {
    return clients.get(client).allocation();
  }

  @Override
  public final double share(String client) {
    return clients.get(client).share(totals);
  }
}
