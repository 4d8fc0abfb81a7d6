package io.drover.master.term;

import io.drover.protocol.net.Connection;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ObjIntConsumer;

/**
 * Peers of one kind by id and by connection, with a count per status that is reported to {@code
 * metric} on every change (so the metrics never need a scan).
 */
final class PeerIndex<I, S extends Enum<S>, P extends Peer<I, S>> {
  private final Map<I, P> byId = new HashMap<>();
  private final Map<Long, P> byConnection = new HashMap<>();
  private final EnumMap<S, Integer> counts;
  private final ObjIntConsumer<String> metric;

  PeerIndex(Class<S> statuses, ObjIntConsumer<String> metric) {
    this.counts = new EnumMap<>(statuses);
    this.metric = metric;
    for (S status : statuses.getEnumConstants()) {
      counts.put(status, 0);
      metric.accept(status.name(), 0);
    }
  }

  P add(P peer) {
    if (byId.putIfAbsent(peer.id(), peer) != null) {
      throw new IllegalStateException(peer + " is already known");
    }
    count(peer.status(), +1);
    return peer;
  }

  void remove(P peer) {
    peer.connection().ifPresent(old -> byConnection.remove(old.id()));
    byId.remove(peer.id());
    count(peer.status(), -1);
  }

  Optional<P> get(I id) {
    return Optional.ofNullable(byId.get(id));
  }

  Optional<P> onConnection(long connectionId) {
    return Optional.ofNullable(byConnection.get(connectionId));
  }

  /** The peer now talks on {@code connection} (replacing an older one) and takes {@code status}. */
  void attach(P peer, Connection connection, S status) {
    peer.connection().ifPresent(old -> byConnection.remove(old.id()));
    peer.connection(connection);
    byConnection.put(connection.id(), peer);
    status(peer, status);
  }

  /** Forgets the peer's connection and moves it to {@code status}. */
  void detach(P peer, S status) {
    peer.connection().ifPresent(old -> byConnection.remove(old.id()));
    peer.connection(null);
    status(peer, status);
  }

  void status(P peer, S status) {
    if (peer.status() != status) {
      count(peer.status(), -1);
      peer.status(status);
      count(status, +1);
    }
  }

  int count(S status) {
    return counts.get(status);
  }

  Collection<P> all() {
    return List.copyOf(byId.values());
  }

  int size() {
    return byId.size();
  }

  private void count(S status, int delta) {
    metric.accept(status.name(), counts.merge(status, delta, Integer::sum));
  }
}
