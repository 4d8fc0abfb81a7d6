package io.drover.master.term;

import io.drover.core.FrameworkId;
import io.drover.core.FrameworkInfo;
import io.drover.master.metrics.MasterMetrics;
import io.drover.protocol.net.Connection;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The frameworks of a term, by id and by connection, with a count per status for the metrics, and the
 * last removed ones (so that a removed framework trying to come back is told why it cannot).
 */
final class Frameworks {
  private static final int REMEMBERED_REMOVALS = 1000;

  private final PeerIndex<FrameworkId, Framework.Status, Framework> index;
  private final Map<FrameworkId, String> removed =
      new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<FrameworkId, String> eldest) {
          return size() > REMEMBERED_REMOVALS;
        }
      };

  Frameworks(MasterMetrics metrics) {
    this.index = new PeerIndex<>(Framework.Status.class, metrics::frameworks);
  }

  Framework add(FrameworkId id, FrameworkInfo info, Framework.Status status) {
    return index.add(new Framework(id, info, status));
  }

  Optional<Framework> get(FrameworkId id) {
    return index.get(id);
  }

  Optional<Framework> onConnection(long connectionId) {
    return index.onConnection(connectionId);
  }

  void attach(Framework framework, Connection connection) {
    index.attach(framework, connection, Framework.Status.ACTIVE);
  }

  void detach(Framework framework) {
    index.detach(framework, Framework.Status.DISCONNECTED);
  }

  void remove(Framework framework, String reason) {
    detach(framework);
    index.remove(framework);
    removed.put(framework.id(), reason);
  }

  /** Why the framework was removed, if it was (recently, by this leader). */
  Optional<String> removalReason(FrameworkId id) {
    return Optional.ofNullable(removed.get(id));
  }

  Collection<Framework> all() {
    return index.all();
  }

  int count(Framework.Status status) {
    return index.count(status);
  }
}
