package io.drover.agent.task;

import io.drover.agent.checkpoint.AgentCheckpoint;
import io.drover.agent.checkpoint.CheckpointedState;
import io.drover.agent.checkpoint.CheckpointedTask;
import io.drover.agent.containerizer.ContainerId;
import io.drover.agent.containerizer.ContainerLaunch;
import io.drover.agent.containerizer.Containerizer;
import io.drover.agent.containerizer.RunningContainer;
import io.drover.agent.containerizer.Termination;
import io.drover.agent.health.HealthChecks;
import io.drover.agent.sandbox.FileTail;
import io.drover.agent.sandbox.SandboxLayout;
import io.drover.agent.update.Acknowledgement;
import io.drover.agent.update.StatusUpdate;
import io.drover.agent.update.StatusUpdateManager;
import io.drover.agent.update.StreamKey;
import io.drover.core.AgentId;
import io.drover.core.FrameworkId;
import io.drover.core.FrameworkInfo;
import io.drover.core.StatusSource;
import io.drover.core.TaskId;
import io.drover.core.TaskInfo;
import io.drover.core.TaskState;
import io.drover.core.TaskStatus;
import io.drover.core.TaskStatusReason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the agent's tasks: launches them in sandboxes through the containerizer, kills them, turns their
 * ends into status updates, re-adopts them after a restart, and forgets them once their terminal update
 * is acknowledged (their sandboxes stay). Every decision is checkpointed before it is acted on.
 *
 * <p>Confined to the agent's event thread ({@code loop}); container events are posted back to it.
 */
public final class TaskSupervisor {
  private static final Logger LOG = LoggerFactory.getLogger(TaskSupervisor.class);
  private static final int STDERR_TAIL_LINES = 10;
  private static final int STDERR_TAIL_BYTES = 4096;

  private final AgentCheckpoint checkpoint;
  private final SandboxLayout sandboxes;
  private final Containerizer containerizer;
  private final StatusUpdateManager updates;
  private final CompletedTasks completed;
  private final Set<String> capabilities;
  private final TaskCheck containerCheck;
  private final HealthChecks healthChecks;
  private final String hostname;
  private final Executor loop;
  private final Clock clock;

  private final Map<StreamKey, Task> tasks = new LinkedHashMap<>();
  private final Map<FrameworkId, FrameworkInfo> frameworks = new TreeMap<>();
  private final Set<FrameworkId> shutDown = new HashSet<>();

  public TaskSupervisor(
      AgentCheckpoint checkpoint,
      SandboxLayout sandboxes,
      Containerizer containerizer,
      StatusUpdateManager updates,
      CompletedTasks completed,
      Set<String> capabilities,
      TaskCheck containerCheck,
      HealthChecks healthChecks,
      String hostname,
      Executor loop,
      Clock clock) {
    this.checkpoint = checkpoint;
    this.sandboxes = sandboxes;
    this.containerizer = containerizer;
    this.updates = updates;
    this.completed = completed;
    this.capabilities = Set.copyOf(capabilities);
    this.containerCheck = containerCheck;
    this.healthChecks = healthChecks;
    this.hostname = hostname;
    this.loop = loop;
    this.clock = clock;
  }

  /**
   * Takes over what a previous agent run left: update streams are restored, live containers re-adopted,
   * containers that ended while the agent was down get their terminal update, and tasks that never got
   * a container are reported dropped.
   */
  public void recover(CheckpointedState state) throws IOException {
    frameworks.putAll(state.frameworks());
    shutDown.addAll(state.shutDown());
    List<ContainerLaunch> toRecover = new ArrayList<>();
    for (CheckpointedTask checkpointed : state.tasks()) {
      StreamKey key = new StreamKey(checkpointed.frameworkId(), checkpointed.task().id());
      List<StatusUpdate> logged = updates.recover(key);
      Optional<TaskState> latest = updates.latestState(key);
      if (latest.isEmpty() && !logged.isEmpty()) {
        // Its terminal update was acknowledged; the agent stopped before forgetting the task.
        keepCompleted(key, checkpointed.task(), logged.get(logged.size() - 1).status().state(), checkpointed.run().map(CheckpointedTask.Run::sandbox));
        checkpoint.removeTask(key.frameworkId(), key.taskId());
        continue;
      }
      Task task = new Task(key, checkpointed.task());
      tasks.put(key, task);
      checkpointed.run().ifPresent(run -> task.sandbox = run.sandbox());
      boolean ended = latest.map(TaskState::isTerminal).orElse(false);
      if (silenced(task)) {
        TaskState finalState = finalState(task);
        updates.drop(key);
        if (ended || checkpointed.run().isEmpty()) {
          forget(task, finalState);
          continue;
        }
      }
      if (ended) {
        continue;
      }
      if (checkpointed.run().isEmpty()) {
        report(task, TaskState.TASK_DROPPED, TaskStatusReason.AGENT_RESTARTED, "the agent restarted before the task was launched");
        continue;
      }
      task.containerId = checkpointed.run().get().containerId();
      toRecover.add(launchOf(task, checkpointed.task().agentId()));
    }
    for (RunningContainer container : containerizer.recover(toRecover)) {
      tasks.values().stream().filter(t -> container.id().equals(t.containerId)).findFirst().ifPresent(t -> {
                watch(t, container);
                if (!container.termination().isDone() && !silenced(t)) {
                  checkHealth(t);
                }
              });
    }
    for (Task task : List.copyOf(tasks.values())) {
      if (shutDown.contains(task.key.frameworkId()) && task.containerId != null) {
        containerizer.kill(task.containerId, task.info.killGracePeriod());
      }
    }
    LOG.info("Recovered {} task(s) of {} framework(s)", tasks.size(), frameworks.size());
  }

  /** Runs a task the master sent; a task the agent cannot run gets a terminal update saying why. */
  public void runTask(AgentId agentId, FrameworkInfo framework, TaskInfo info) {
    if (framework.id().isEmpty()) {
      LOG.warn("Ignoring task {}: its framework {} has no id", info.id(), framework.name());
      return;
    }
    FrameworkId frameworkId = framework.id().get();
    StreamKey key = new StreamKey(frameworkId, info.id());
    if (tasks.containsKey(key)) {
      LOG.warn("Ignoring task {}: the agent already has a task with that id", key);
      return;
    }
    if (shutDown.contains(frameworkId)) {
      LOG.warn("Ignoring task {}: its framework was shut down", key);
      return;
    }
    Optional<TaskRejection> rejection = TaskRejection.check(info, agentId, capabilities, containerCheck);
    Task task = new Task(key, info);
    try {
      if (!framework.equals(frameworks.get(frameworkId))) {
        checkpoint.saveFramework(framework);
      }
      checkpoint.saveTask(frameworkId, info);
      frameworks.put(frameworkId, framework);
      tasks.put(key, task);
      if (rejection.isPresent()) {
        report(task, rejection.get().state(), rejection.get().reason(), rejection.get().message());
        return;
      }
      ContainerId containerId = ContainerId.random();
      task.sandbox = sandboxes.createRun(agentId, frameworkId, info.id(), containerId);
      checkpoint.saveRun(frameworkId, info.id(), new CheckpointedTask.Run(containerId, task.sandbox));
      task.containerId = containerId;
    } catch (IOException e) {
      LOG.error("Cannot prepare task {}; it is not launched", key, e);
      if (tasks.containsKey(key)) {
        report(task, TaskState.TASK_FAILED, TaskStatusReason.CONTAINER_LAUNCH_FAILED, "the agent could not prepare the task: " + e.getMessage());
      }
      return;
    }
    containerizer.launch(launchOf(task, agentId)).whenCompleteAsync((container, failure) -> launched(task, container, failure), loop);
    if (info.container().isPresent()) {
      // Finding or pulling the image and creating the container can take a while. Reported while the
      // containerizer works: the launch's outcome is handled on this thread, after this update.
      report(task, TaskState.TASK_STARTING, TaskStatusReason.NONE, "Starting a container of image " + info.container().get().image());
    }
  }

  private ContainerLaunch launchOf(Task task, AgentId agentId) {
    return new ContainerLaunch(
        task.containerId,
        task.key.frameworkId(),
        agentId,
        task.info,
        task.sandbox,
        checkpoint.runCheckpointDir(task.key.frameworkId(), task.key.taskId(), task.containerId),
        hostname);
  }

  private void launched(Task task, RunningContainer container, Throwable failure) {
    if (failure != null) {
      Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
      report(task, TaskState.TASK_FAILED, TaskStatusReason.CONTAINER_LAUNCH_FAILED, cause.getMessage());
      forgetIfSilenced(task);
      return;
    }
    if (!silenced(task)) {
      report(task, TaskState.TASK_RUNNING, TaskStatusReason.NONE, "");
    }
    watch(task, container);
    if (task.killGrace == null && !silenced(task)) {
      checkHealth(task);
    }
    if (task.killGrace != null || silenced(task)) {
      containerizer.kill(container.id(), task.killGrace != null ? task.killGrace : task.info.killGracePeriod());
    }
  }

  /** Starts the task's health check, if it has one; its verdicts come back to this thread. */
  private void checkHealth(Task task) {
    if (task.info.healthCheck().isEmpty() || task.health != null) {
      return;
    }
    try {
      task.health =
          healthChecks.start(
              launchOf(task, task.info.agentId()), task.info.healthCheck().get(), verdict -> loop.execute(() -> healthChanged(task, verdict)));
    } catch (RuntimeException e) {
      LOG.warn("Cannot check the health of task {}; it runs unchecked", task.key, e);
    }
  }

  private void healthChanged(Task task, HealthChecks.Verdict verdict) {
    if (tasks.get(task.key) != task || task.health == null || task.killGrace != null || silenced(task)) {
      return;
    }
    if (updates.latestState(task.key).map(TaskState::isTerminal).orElse(false)) {
      return;
    }
    report(task, TaskState.TASK_RUNNING, TaskStatusReason.TASK_HEALTH_CHECK_STATUS_UPDATED, verdict.detail(), Optional.of(verdict.healthy()));
  }

  private void stopHealthChecks(Task task) {
    if (task.health != null) {
      task.health.stop();
      task.health = null;
    }
  }

  private void watch(Task task, RunningContainer container) {
    task.handled = container.termination().whenCompleteAsync((termination, failure) -> ended(task, termination, failure), loop);
  }

  private void ended(Task task, Termination termination, Throwable failure) {
    if (tasks.get(task.key) != task) {
      return;
    }
    stopHealthChecks(task);
    Termination end = failure != null ? Termination.withoutStatus("the agent lost track of the task: " + failure.getMessage(), task.killGrace != null) : termination;
    if (silenced(task)) {
      forget(task, TaskState.TASK_KILLED);
      return;
    }
    if (updates.latestState(task.key).map(TaskState::isTerminal).orElse(false)) {
      return;
    }
    TaskEnd taskEnd = TaskEnd.of(end, FileTail.lastLines(task.sandbox.resolve("stderr"), STDERR_TAIL_LINES, STDERR_TAIL_BYTES));
    report(task, taskEnd.state(), taskEnd.reason(), taskEnd.message());
  }

  /** Kills a task; {@code gracePeriod} empty means the task's own. Unknown or ended tasks are left alone. */
  public void killTask(FrameworkId frameworkId, TaskId taskId, Optional<Duration> gracePeriod) {
    Task task = tasks.get(new StreamKey(frameworkId, taskId));
    if (task == null) {
      LOG.info("Ignoring a kill of task {}/{}: the agent does not run it", frameworkId, taskId);
      return;
    }
    if (updates.latestState(task.key).map(TaskState::isTerminal).orElse(false)) {
      LOG.info("Ignoring a kill of task {}: it has ended", task.key);
      return;
    }
    task.killGrace = gracePeriod.orElse(task.info.killGracePeriod());
    stopHealthChecks(task);
    if (task.containerId != null) {
      containerizer.kill(task.containerId, task.killGrace);
    }
  }

  /**
   * Kills every task that runs, each with its own grace period, for an agent that is to stop together with
   * its tasks; completes when all of them have ended and their ends have been reported.
   */
  public CompletableFuture<Void> killAll() {
    List<CompletableFuture<Termination>> ends = new ArrayList<>();
    for (Task task : List.copyOf(tasks.values())) {
      if (task.handled != null && !task.handled.isDone()) {
        killTask(task.key.frameworkId(), task.key.taskId(), Optional.empty());
        ends.add(task.handled);
      }
    }
    return CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new));
  }

  /** Kills every task of a framework the master has removed; their updates are no longer delivered. */
  public void shutdownFramework(FrameworkId frameworkId) {
    LOG.info("Shutting down framework {}", frameworkId);
    try {
      if (frameworks.containsKey(frameworkId)) {
        checkpoint.markFrameworkShutdown(frameworkId);
      }
    } catch (IOException e) {
      LOG.error("Cannot checkpoint the shutdown of framework {}", frameworkId, e);
    }
    shutDown.add(frameworkId);
    for (Task task : List.copyOf(tasks.values())) {
      if (!task.key.frameworkId().equals(frameworkId)) {
        continue;
      }
      stopHealthChecks(task);
      TaskState finalState = finalState(task);
      updates.drop(task.key);
      boolean running = task.containerId != null && !updates.latestState(task.key).map(TaskState::isTerminal).orElse(false);
      if (running) {
        containerizer.kill(task.containerId, task.info.killGracePeriod());
      } else {
        forget(task, finalState);
      }
    }
  }

  /** An acknowledgement was accepted: once a task's terminal update is acknowledged, the task is forgotten. */
  public void acknowledged(Acknowledgement ack) {
    if (ack instanceof Acknowledgement.Accepted accepted && accepted.streamEnded()) {
      Task task = tasks.get(accepted.update().key());
      if (task != null) {
        forget(task, accepted.update().status().state());
      }
    }
  }

  /** Every task the agent still knows (running, or ended and waiting for its terminal acknowledgement). */
  public List<TaskView> tasks() {
    List<TaskView> out = new ArrayList<>();
    for (Task task : tasks.values()) {
      if (silenced(task)) {
        continue;
      }
      out.add(
          new TaskView(
              task.key.frameworkId(),
              task.info,
              updates.latestState(task.key).orElse(TaskState.TASK_STAGING),
              Optional.ofNullable(task.sandbox).map(Path::toString),
              Optional.ofNullable(task.containerId)));
    }
    return out;
  }

  /** The tasks the agent has forgotten and whose sandboxes it keeps, oldest first. */
  public List<TaskView> completedTasks() {
    return completed.list().stream().map(CompletedTask::view).toList();
  }

  /** The frameworks of the tasks the agent reports. */
  public List<FrameworkInfo> frameworks() {
    Set<FrameworkId> inUse = new HashSet<>();
    tasks().forEach(t -> inUse.add(t.frameworkId()));
    return frameworks.entrySet().stream().filter(e -> inUse.contains(e.getKey())).map(Map.Entry::getValue).toList();
  }

  private boolean silenced(Task task) {
    return shutDown.contains(task.key.frameworkId());
  }

  private void forgetIfSilenced(Task task) {
    if (silenced(task)) {
      forget(task, TaskState.TASK_KILLED);
    }
  }

  /** A task of a shut-down framework ends as it last reported, or killed when it had not ended. */
  private TaskState finalState(Task task) {
    return updates.latestState(task.key).filter(TaskState::isTerminal).orElse(TaskState.TASK_KILLED);
  }

  /** Forgets a task that ended in {@code finalState}, keeping it among the completed tasks. */
  private void forget(Task task, TaskState finalState) {
    keepCompleted(task.key, task.info, finalState, Optional.ofNullable(task.sandbox));
    stopHealthChecks(task);
    tasks.remove(task.key);
    updates.drop(task.key);
    if (tasks.keySet().stream().noneMatch(k -> k.frameworkId().equals(task.key.frameworkId()))) {
      frameworks.remove(task.key.frameworkId());
      shutDown.remove(task.key.frameworkId());
    }
    try {
      checkpoint.removeTask(task.key.frameworkId(), task.key.taskId());
    } catch (IOException e) {
      LOG.warn("Cannot remove the checkpoint of task {}", task.key, e);
    }
  }

  private void keepCompleted(StreamKey key, TaskInfo info, TaskState finalState, Optional<Path> sandbox) {
    try {
      completed.add(new CompletedTask(key.frameworkId(), info, finalState, sandbox, clock.instant()));
    } catch (IOException e) {
      LOG.warn("Cannot checkpoint completed task {}; a restarted agent will not list it", key, e);
    }
  }

  private void report(Task task, TaskState state, TaskStatusReason reason, String message) {
    report(task, state, reason, message, Optional.empty());
  }

  private void report(Task task, TaskState state, TaskStatusReason reason, String message, Optional<Boolean> healthy) {
    if (silenced(task)) {
      return;
    }
    TaskStatus status =
        new TaskStatus(
            task.key.taskId(),
            state,
            Optional.of(task.info.agentId()),
            Optional.empty(),
            reason,
            message,
            healthy,
            StatusSource.SOURCE_AGENT,
            // The wire and the checkpoint keep milliseconds.
            clock.instant().truncatedTo(ChronoUnit.MILLIS));
    try {
      updates.update(task.key.frameworkId(), status);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot checkpoint a status update of task " + task.key, e);
    }
  }

  /** A task the agent knows. Confined to the event thread. */
  private static final class Task {
    final StreamKey key;
    final TaskInfo info;
    ContainerId containerId;
    Path sandbox;
    /** Set once a kill was asked for, possibly before the container runs. */
    Duration killGrace;
    /** The task's health checking while it runs, when it has a check. */
    HealthChecks.Running health;
    /** Completes once its container's end has been handled (reported); null until the container runs. */
    CompletableFuture<Termination> handled;

    Task(StreamKey key, TaskInfo info) {
      this.key = key;
      this.info = info;
    }
  }
}
