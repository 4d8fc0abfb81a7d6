package io.drover.marathon.scheduling;

import io.drover.core.HealthCheck;
import io.drover.marathon.app.HealthCheckResult;
import io.drover.marathon.instance.HealthState;
import io.drover.marathon.instance.Instance;
import io.drover.marathon.instance.InstanceId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The health checks of an app beyond the one the agent runs (Mesos runs one check per task): run by
 * marathon-app against the task's host and port, as Marathon ran its own HTTP and TCP checks. The
 * scheduler says which instances to {@link #watch} (running ones) and which to keep ({@link #retain});
 * each check is probed at its interval on the given executor; {@link #failedForGood} says when an
 * instance has failed one of them {@code maxConsecutiveFailures} times in a row, and {@link #states}
 * gives the verdicts the scheduler keeps in the instance (so that they count in its health). Probe
 * results live in memory: a new leader starts them afresh. Thread-safe.
 */
public final class HostHealthChecks {
  private record Key(InstanceId instance, int index) {}

  private final ScheduledExecutorService probes;
  private final HealthProbe probe;
  private final Clock clock;
  private final Map<Key, ScheduledFuture<?>> running = new ConcurrentHashMap<>();
  private final Map<InstanceId, Map<Integer, CheckVerdict>> verdicts = new ConcurrentHashMap<>();

  HostHealthChecks(ScheduledExecutorService probes, HealthProbe probe, Clock clock) {
    this.probes = probes;
    this.probe = probe;
    this.clock = clock;
  }

  /** Probing over the network, on {@code probes}. */
  public static HostHealthChecks overNetwork(ScheduledExecutorService probes, Clock clock) {
    return new HostHealthChecks(probes, new NetworkProbe(), clock);
  }

  /** Probes each check of {@code checks} against the instance's host port, unless already probing it. */
  void watch(Instance instance, List<HealthCheck> checks) {
    Instant started = instance.startedAt().orElse(instance.conditionSince());
    for (int i = 0; i < checks.size(); i++) {
      HealthCheck check = checks.get(i);
      if (check.portIndex() >= instance.hostPorts().size()) {
        continue;
      }
      int port = instance.hostPorts().get(check.portIndex());
      Key key = new Key(instance.id(), i);
      running.computeIfAbsent(key, k -> probes.scheduleWithFixedDelay(
          () -> probeOnce(k, check, instance.hostname(), port, started.plus(check.gracePeriod())),
          0, Math.max(1, check.interval().toMillis()), TimeUnit.MILLISECONDS));
    }
  }

  private void probeOnce(Key key, HealthCheck check, String host, int port, Instant graceEnds) {
    Optional<String> failure = probe.probe(check, host, port);
    Instant now = clock.instant();
    if (!running.containsKey(key)) {
      return;
    }
    verdicts.computeIfAbsent(key.instance(), id -> new ConcurrentSkipListMap<>()).compute(key.index(), (index, old) -> {
      CheckVerdict verdict = old == null ? CheckVerdict.NONE : old;
      return failure.map(cause -> verdict.failed(now, cause, now.isBefore(graceEnds))).orElseGet(() -> verdict.succeeded(now));
    });
  }

  /** Stops probing, and forgets, every instance not in {@code instances}. */
  void retain(Set<InstanceId> instances) {
    running.entrySet().removeIf(entry -> {
      boolean gone = !instances.contains(entry.getKey().instance());
      if (gone) {
        entry.getValue().cancel(false);
      }
      return gone;
    });
    verdicts.keySet().removeIf(instance -> !instances.contains(instance));
  }

  /** True once one of {@code checks} has failed its {@code maxConsecutiveFailures} (not 0) in a row. */
  boolean failedForGood(InstanceId instance, List<HealthCheck> checks) {
    for (int i = 0; i < checks.size(); i++) {
      int max = checks.get(i).maxConsecutiveFailures();
      CheckVerdict verdict = verdicts.getOrDefault(instance, Map.of()).getOrDefault(i, CheckVerdict.NONE);
      if (max > 0 && verdict.consecutiveFailures() >= max) {
        return true;
      }
    }
    return false;
  }

  /**
   * The instance's verdicts to keep, one per check of {@code checks}: each check's own where it has
   * given one, else what the instance held (a new leader keeps the last verdicts until its probes
   * answer), else unknown.
   */
  List<HealthState> states(Instance instance, List<HealthCheck> checks) {
    Map<Integer, CheckVerdict> probed = verdicts.getOrDefault(instance.id(), Map.of());
    List<HealthState> states = new ArrayList<>(checks.size());
    for (int i = 0; i < checks.size(); i++) {
      HealthState held = i < instance.hostChecks().size() ? instance.hostChecks().get(i) : HealthState.UNKNOWN;
      HealthState seen = probed.getOrDefault(i, CheckVerdict.NONE).state();
      states.add(seen == HealthState.UNKNOWN ? held : seen);
    }
    return states;
  }

  /** The instance's results so far, one per check probed at least once, in check order. */
  public List<HealthCheckResult> results(InstanceId instance) {
    List<HealthCheckResult> results = new ArrayList<>();
    for (CheckVerdict verdict : verdicts.getOrDefault(instance, Map.of()).values()) {
      results.add(new HealthCheckResult(
          instance.value(), verdict.alive(), verdict.consecutiveFailures(), verdict.firstSuccess().orElse(null),
          verdict.lastSuccess().orElse(null), verdict.lastFailure().orElse(null), verdict.lastFailureCause()));
    }
    return results;
  }

  /** Stops all probing (the leader stands down). */
  void clear() {
    retain(Set.of());
  }
}
