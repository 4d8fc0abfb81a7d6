package io.drover.marathon.instance;

import io.drover.core.TaskState;
import io.drover.marathon.app.AppCounts;
import io.drover.marathon.app.AppStatusSource;
import io.drover.marathon.app.HealthCheckResult;
import io.drover.marathon.app.MarathonJson;
import io.drover.marathon.app.PathId;
import io.drover.marathon.app.TaskFailure;
import io.drover.marathon.app.TaskView;
import io.drover.core.TaskStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The read-only parts of apps' JSON, from the {@link InstanceTracker}: counts, tasks, and the last
 * failure of each app (from the instances' ends, kept in a {@link TaskFailureStore} so that the next
 * leader {@link #load}s them). Thread-safe.
 */
public final class InstanceStatusSource implements AppStatusSource {
  private final InstanceTracker tracker;
  private static final int MAX_PARSED_VERSIONS = 10_000;
  private final Map<String, TaskFailure> lastFailures = new ConcurrentHashMap<>();
  private final Map<String, Optional<Instant>> parsedVersions = new ConcurrentHashMap<>();

  private final TaskFailureStore failures;
  private final HealthResults hostCheckResults;

  public InstanceStatusSource(InstanceTracker tracker, TaskFailureStore failures, HealthResults hostCheckResults) {
    this.tracker = tracker;
    this.failures = failures;
    this.hostCheckResults = hostCheckResults;
    tracker.addListener(this::remember);
  }

  /** Takes the stored failures as they are (when this process starts leading). */
  public void load() {
    lastFailures.clear();
    failures.loadAll().forEach(failure -> lastFailures.put(failure.appId().toString(), failure));
  }

  @Override
  public AppCounts counts(PathId appId) {
    TaskCounts counts = tracker.counts(appId.toString());
    return new AppCounts(counts.staged(), counts.running(), counts.healthy(), counts.unhealthy());
  }

  @Override
  public List<TaskView> tasks(PathId appId) {
    return tracker.instancesOf(appId.toString()).stream().sorted(Comparator.comparing(Instance::id)).map(i -> view(appId, i)).toList();
  }

  @Override
  public Optional<TaskFailure> lastTaskFailure(PathId appId) {
    return Optional.ofNullable(lastFailures.get(appId.toString()));
  }

  /** One result per check: the agent's first (once it has reported), then those of marathon-app's own checks. */
  private TaskView view(PathId appId, Instance instance) {
    List<HealthCheckResult> health = new ArrayList<>();
    if (instance.agentHealth().healthy().isPresent()) {
      health.add(
          new HealthCheckResult(
              instance.id().value(),
              instance.agentHealth().isHealthy(),
              instance.agentHealth().consecutiveFailures(),
              null,
              null,
              instance.agentHealth().unhealthySince().orElse(null),
              instance.agentHealth().isUnhealthy() ? instance.message() : null));
    }
    health.addAll(hostCheckResults.of(instance.id()));
    return new TaskView(
        instance.id().value(),
        appId,
        instance.hostname(),
        instance.agentId().value(),
        instance.hostPorts(),
        List.of(),
        List.of(),
        instance.stagedAt(),
        instance.startedAt().orElse(null),
        instance.taskState().orElse(TaskState.TASK_STAGING).name(),
        version(instance).orElse(null),
        health);
  }

  private void remember(InstanceChange change) {
    Instance ended = change.instance();
    if (!change.expunged()) {
      return;
    }
    if (ended.kill().map(kill -> kill.reason() == KillReason.APP_REMOVED).orElse(false)) {
      // the stored one goes with the app's definition
      lastFailures.remove(ended.appId());
      return;
    }
    if (!isFailure(ended)) {
      return;
    }
    Instant at = change.status().map(TaskStatus::timestamp).orElse(ended.conditionSince());
    TaskFailure failure =
        new TaskFailure(
            PathId.parse(ended.appId()),
            ended.id().value(),
            ended.hostname(),
            ended.agentId().value(),
            ended.taskState().orElse(TaskState.TASK_STAGING).name(),
            ended.message(),
            at,
            version(ended).orElse(null));
    lastFailures.put(ended.appId(), failure);
    failures.store(failure);
  }

  /** Ended badly: failed, errored, dropped, lost, or killed by anyone but the scheduler's own choice. */
  private static boolean isFailure(Instance ended) {
    return switch (ended.condition()) {
      case FAILED, ERROR, DROPPED, GONE, UNKNOWN -> true;
      case KILLED -> ended.kill().map(k -> k.reason() == KillReason.UNHEALTHY).orElse(true);
      default -> false;
    };
  }

  private Optional<Instant> version(Instance instance) {
    // Few distinct versions, many tasks: parsing each task's version again costs more than listing it.
    if (parsedVersions.size() > MAX_PARSED_VERSIONS) {
      parsedVersions.clear();
    }
    return parsedVersions.computeIfAbsent(instance.appVersion(), InstanceStatusSource::parseVersion);
  }

  private static Optional<Instant> parseVersion(String version) {
    try {
      return Optional.of(MarathonJson.parseTimestamp(version));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
