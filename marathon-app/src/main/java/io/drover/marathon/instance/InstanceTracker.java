package io.drover.marathon.instance;

import io.drover.core.AgentId;
import io.drover.core.TaskStatus;
import io.drover.sdk.placement.RunningTasks;
import io.drover.sdk.placement.TaskSite;
import io.drover.sdk.placement.TaskTally;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every known instance, kept in step with its {@link InstanceStore}: each change is stored first,
 * then applied here, then announced to the listeners. Reads are safe from any thread; changes are
 * expected from one thread at a time (the scheduler's), which is what keeps the announcements in order.
 */
public final class InstanceTracker {
  private final InstanceStore store;
  private final List<InstanceListener> listeners = new CopyOnWriteArrayList<>();
  private final Map<InstanceId, Instance> instances = new HashMap<>();
  private final Map<String, Map<InstanceId, Instance>> byApp = new HashMap<>();
  private final TaskTally placement = new TaskTally();

  public InstanceTracker(InstanceStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** Replaces what is tracked with what the store holds (after a start or a leader change). */
  public synchronized void load() {
    new ArrayList<>(instances.keySet()).forEach(this::remove);
    store.loadAll().forEach(this::put);
  }

  public void addListener(InstanceListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  public void removeListener(InstanceListener listener) {
    listeners.remove(listener);
  }

  public synchronized Optional<Instance> get(InstanceId id) {
    return Optional.ofNullable(instances.get(id));
  }

  public synchronized List<Instance> all() {
    return List.copyOf(instances.values());
  }

  public synchronized List<Instance> instancesOf(String appId) {
    return List.copyOf(byApp.getOrDefault(appId, Map.of()).values());
  }

  public synchronized List<String> appIds() {
    return List.copyOf(byApp.keySet());
  }

  public synchronized TaskCounts counts(String appId) {
    Map<InstanceId, Instance> ofApp = byApp.get(appId);
    return ofApp == null ? TaskCounts.NONE : TaskCounts.of(ofApp.values());
  }

  public synchronized Map<String, TaskCounts> countsByApp() {
    Map<String, TaskCounts> counts = new HashMap<>();
    byApp.forEach((app, ofApp) -> counts.put(app, TaskCounts.of(ofApp.values())));
    return counts;
  }

  /**
   * What runs where for placement: the instances that take up room on their agents, grouped by app.
   * Live, not a copy.
   */
  public RunningTasks placementView() {
    return new RunningTasks() {
      @Override
      public int count(AgentId agentId, String group) {
        synchronized (InstanceTracker.this) {
          return placement.count(agentId, group);
        }
      }

      @Override
      public int total(AgentId agentId) {
        synchronized (InstanceTracker.this) {
          return placement.total(agentId);
        }
      }

      @Override
      public List<TaskSite> sites(String group) {
        synchronized (InstanceTracker.this) {
          return placement.sites(group);
        }
      }
    };
  }

  /** Records instances about to be launched (stored before their tasks go out, so none is ever unknown). */
  public void launched(List<Instance> launched) {
    store.storeAll(launched);
    synchronized (this) {
      launched.forEach(this::put);
    }
    launched.forEach(i -> announce(new InstanceChange(Optional.empty(), i, false, Optional.empty())));
  }

  /** Applies a status update of a known instance; empty if the task is not one of the tracked instances. */
  public Optional<InstanceUpdate> update(TaskStatus status, Instant now) {
    Optional<InstanceId> id = InstanceId.of(status.taskId());
    Instance current = id.flatMap(this::get).orElse(null);
    if (current == null) {
      return Optional.empty();
    }
    InstanceUpdate update = InstanceTransitions.apply(current, status, now);
    if (update instanceof InstanceUpdate.Changed changed) {
      replace(current, changed.next(), Optional.of(status));
    } else if (update instanceof InstanceUpdate.Ended ended) {
      forget(current, ended.last(), Optional.of(status));
    }
    return Optional.of(update);
  }

  /** Notes that the scheduler asked for the instance to be killed; the kill itself is sent by the caller. */
  public Optional<Instance> requestKill(InstanceId id, KillReason reason, Instant now) {
    return get(id).map(current -> replace(current, current.withKill(new KillRequest(reason, now)), Optional.empty()));
  }

  /** Keeps new verdicts of the checks marathon-app runs itself; empty if the instance is unknown or they are no news. */
  public Optional<Instance> hostChecksJudged(InstanceId id, List<HealthState> verdicts) {
    return get(id).filter(i -> !i.hostChecks().equals(verdicts)).map(current -> replace(current, current.withHostChecks(verdicts), Optional.empty()));
  }

  /** An unreachable instance is given up on: it stops counting towards its app's target. */
  public Optional<Instance> markInactive(InstanceId id, Instant now) {
    return get(id)
        .filter(i -> i.condition() == Condition.UNREACHABLE)
        .map(current -> replace(current, current.withCondition(Condition.UNREACHABLE_INACTIVE, now), Optional.empty()));
  }

  /** Forgets an instance without a status (its launch never went out, or it stayed unreachable too long). */
  public Optional<Instance> expunge(InstanceId id) {
    return get(id).map(current -> forget(current, current, Optional.empty()));
  }

  private Instance replace(Instance current, Instance next, Optional<TaskStatus> status) {
    store.store(next);
    synchronized (this) {
      put(next);
    }
    announce(new InstanceChange(Optional.of(current), next, false, status));
    return next;
  }

  private Instance forget(Instance current, Instance last, Optional<TaskStatus> status) {
    store.delete(current.id());
    synchronized (this) {
      remove(current.id());
    }
    announce(new InstanceChange(Optional.of(current), last, true, status));
    return last;
  }

  private void put(Instance instance) {
    instances.put(instance.id(), instance);
    byApp.computeIfAbsent(instance.appId(), a -> new LinkedHashMap<>()).put(instance.id(), instance);
    if (instance.occupiesAgent()) {
      placement.put(instance.id().taskId(), instance.appId(), instance.agent());
    } else {
      placement.remove(instance.id().taskId());
    }
  }

  private void remove(InstanceId id) {
    Instance removed = instances.remove(id);
    if (removed != null) {
      Map<InstanceId, Instance> ofApp = byApp.get(removed.appId());
      ofApp.remove(id);
      if (ofApp.isEmpty()) {
        byApp.remove(removed.appId());
      }
      placement.remove(id.taskId());
    }
  }

  private void announce(InstanceChange change) {
    for (InstanceListener listener : listeners) {
      listener.instanceChanged(change);
    }
  }
}
