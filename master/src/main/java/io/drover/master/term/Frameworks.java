package io.drover.master.term;

import io.drover.core.FrameworkId;
import io.drover.core.FrameworkInfo;
import io.drover.master.metrics.MasterMetrics;
import io.drover.protocol.net.Connection;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The frameworks of a term, by id and by connection, with a count per status for the metrics, and the
 * last removed ones (so that a removed framework trying to come back is told why it cannot).
 */
final class Frameworks {
  private static final int REMEMBERED_REMOVALS = 1000;

  private final Map<FrameworkId, Framework> byId = new HashMap<>();
  private final Map<Long, Framework> byConnection = new HashMap<>();
  private final EnumMap<Framework.Status, Integer> counts = new EnumMap<>(Framework.Status.class);
  private final Map<FrameworkId, String> removed =
      new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<FrameworkId, String> eldest) {
          return size() > REMEMBERED_REMOVALS;
        }
      };
  private final MasterMetrics metrics;

  Frameworks(MasterMetrics metrics) {
    this.metrics = metrics;
    for (Framework.Status status : Framework.Status.values()) {
      counts.put(status, 0);
      metrics.frameworks(status.name(), 0);
    }
  }

  Framework add(FrameworkId id, FrameworkInfo info, Framework.Status status) {
    Framework framework = new Framework(id, info, status);
    if (byId.putIfAbsent(id, framework) != null) {
      throw new IllegalStateException("framework " + id + " is already known");
    }
    count(status, +1);
    return framework;
  }

  Optional<Framework> get(FrameworkId id) {
    return Optional.ofNullable(byId.get(id));
  }

  Optional<Framework> onConnection(long connectionId) {
    return Optional.ofNullable(byConnection.get(connectionId));
  }

  void attach(Framework framework, Connection connection) {
    framework.connection().ifPresent(old -> byConnection.remove(old.id()));
    framework.connection(connection);
    byConnection.put(connection.id(), framework);
    status(framework, Framework.Status.ACTIVE);
  }

  void detach(Framework framework) {
    framework.connection().ifPresent(old -> byConnection.remove(old.id()));
    framework.connection(null);
    status(framework, Framework.Status.DISCONNECTED);
  }

  void remove(Framework framework, String reason) {
    detach(framework);
    byId.remove(framework.id());
    count(framework.status(), -1);
    removed.put(framework.id(), reason);
  }

  /** Why the framework was removed, if it was (recently, by this leader). */
  Optional<String> removalReason(FrameworkId id) {
    return Optional.ofNullable(removed.get(id));
  }

  Collection<Framework> all() {
    return List.copyOf(byId.values());
  }

  int count(Framework.Status status) {
    return counts.get(status);
  }

  private void status(Framework framework, Framework.Status status) {
    if (framework.status() != status) {
      count(framework.status(), -1);
      framework.status(status);
      count(status, +1);
    }
  }

  private void count(Framework.Status status, int delta) {
    metrics.frameworks(status.name(), counts.merge(status, delta, Integer::sum));
  }
}
