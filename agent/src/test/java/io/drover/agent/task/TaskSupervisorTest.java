package io.drover.agent.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.agent.AgentLoop;
import io.drover.agent.Tasks;
import io.drover.agent.checkpoint.AgentCheckpoint;
import io.drover.agent.containerizer.command.CommandContainerizer;
import io.drover.agent.health.HealthChecks;
import io.drover.agent.sandbox.SandboxLayout;
import io.drover.agent.update.StatusUpdate;
import io.drover.agent.update.StatusUpdateManager;
import io.drover.agent.update.StreamKey;
import io.drover.agent.update.UpdateStreams;
import io.drover.core.FrameworkId;
import io.drover.core.FrameworkInfo;
import io.drover.core.HealthCheck;
import io.drover.core.Resources;
import io.drover.core.TaskInfo;
import io.drover.core.TaskState;
import io.drover.core.TaskStatusReason;
import io.drover.protocol.net.Backoff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor with a real containerizer, real checkpoints and real processes; an "agent death" stops
 * the event loop and the containerizer without killing anything, and a new stack recovers from the same
 * work dir.
 */
class TaskSupervisorTest {
  private static final FrameworkInfo FRAMEWORK = FrameworkInfo.named("fw").withId(FrameworkId.of("fw-1"));
  private static final FrameworkId FW = FRAMEWORK.id().orElseThrow();
  /** Runs until a {@code stop} file appears in its sandbox, then exits 7. */
  private static final String WAIT_FOR_STOP = "touch ready; while [ ! -f stop ]; do sleep 0.05; done; exit 7";

  @TempDir Path work;
  private final List<StatusUpdate> sent = new CopyOnWriteArrayList<>();
  private Stack stack;

  /** One life of the agent's task machinery. */
  private final class Stack {
    final AgentLoop loop = new AgentLoop("test-agent");
    final HealthChecks healthChecks = new HealthChecks(System.getenv(), Optional.empty(), Clock.systemUTC());
    final CommandContainerizer containerizer = new CommandContainerizer(System.getenv(), Duration.ofMillis(50));
    final AgentCheckpoint checkpoint = new AgentCheckpoint(work);
    final StatusUpdateManager updates =
        new StatusUpdateManager(checkpoint::updateLog, new UpdateStreams(new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(10))), Clock.systemUTC(), sent::add);
    final CompletedTasks completed = loadCompleted(checkpoint);
    final TaskSupervisor supervisor =
        new TaskSupervisor(checkpoint, new SandboxLayout(work), containerizer, updates, completed, java.util.Set.of(), TaskCheck.NONE, healthChecks, "test-host", loop, Clock.systemUTC());

    Stack() {
      loop.afterEachEvent(updates::flush);
      updates.resume();
    }

    <T> T on(Callable<T> event) throws Exception {
      return loop.call(event);
    }

    void run(Runnable event) throws Exception {
      loop.call(
          () -> {
            event.run();
            return null;
          });
    }

    /** The agent dies: nothing is killed, nothing more is watched. */
    void die() {
      loop.close();
      containerizer.close();
      healthChecks.close();
    }
  }

  private static CompletedTasks loadCompleted(AgentCheckpoint checkpoint) {
    try {
      return CompletedTasks.load(checkpoint.completedTasksFile(), CompletedTasks.DEFAULT_CAPACITY);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @BeforeEach
  void start() {
    stack = new Stack();
  }

  @AfterEach
  void stop() throws Exception {
    // Leave no process behind.
    for (TaskView task : stack.on(stack.supervisor::tasks)) {
      stack.run(() -> stack.supervisor.killTask(task.frameworkId(), task.task().id(), Optional.of(Duration.ZERO)));
    }
    stack.die();
  }

  private Stack restart() throws Exception {
    stack.die();
    stack = new Stack();
    stack.run(
        () -> {
          try {
            stack.supervisor.recover(stack.checkpoint.read());
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
    return stack;
  }

  private void runTask(TaskInfo task) throws Exception {
    stack.run(() -> stack.supervisor.runTask(Tasks.AGENT, FRAMEWORK, task));
  }

  private StatusUpdate awaitUpdate(String task, TaskState state) {
    await().atMost(Duration.ofSeconds(20)).until(() -> sent.stream().anyMatch(u -> u.status().taskId().value().equals(task) && u.status().state() == state));
    return sent.stream().filter(u -> u.status().taskId().value().equals(task) && u.status().state() == state).findFirst().orElseThrow();
  }

  /** Waits for the update and acknowledges it, as the framework would; the next one follows only then. */
  private StatusUpdate awaitAndAcknowledge(String task, TaskState state) throws Exception {
    StatusUpdate update = awaitUpdate(task, state);
    acknowledge(update);
    return update;
  }

  private void acknowledge(StatusUpdate update) throws Exception {
    stack.run(
        () -> {
          try {
            stack.supervisor.acknowledged(stack.updates.acknowledge(update.key(), update.uuid()));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  private List<TaskState> statesOf(String task) {
    return sent.stream().filter(u -> u.status().taskId().value().equals(task)).map(u -> u.status().state()).toList();
  }

  private Path sandboxOf(String task) {
    return new SandboxLayout(work).latestRun(Tasks.AGENT, FW, Tasks.shell(task, "").id());
  }

  private static TaskInfo withHealthCheck(TaskInfo task, HealthCheck check) {
    return new TaskInfo(task.id(), task.name(), task.agentId(), task.resources(), task.command(), task.container(), Optional.of(check), task.killGracePeriod(), task.labels());
  }

  /**
   * Healthy while its sandbox holds a {@code healthy} file; the task creates it when it starts. Each probe
   * adds a line to the sandbox's {@code probes} file.
   */
  private static TaskInfo checkedTask(String id) {
    HealthCheck check =
        new HealthCheck(HealthCheck.Protocol.COMMAND, null, 0, "echo >> \"$DROVER_SANDBOX/probes\"; test -f \"$DROVER_SANDBOX/healthy\"", Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofSeconds(5), 2);
    return withHealthCheck(Tasks.shell(id, "touch healthy; sleep 1000"), check);
  }

  private List<StatusUpdate> healthUpdatesOf(String task) {
    return sent.stream().filter(u -> u.status().taskId().value().equals(task) && u.status().healthy().isPresent()).toList();
  }

  /** Waits for the task's health update number {@code n} (from 1), and acknowledges it. */
  private StatusUpdate awaitHealthUpdate(String task, int n) throws Exception {
    await().atMost(Duration.ofSeconds(20)).until(() -> healthUpdatesOf(task).size() >= n);
    StatusUpdate update = healthUpdatesOf(task).get(n - 1);
    acknowledge(update);
    return update;
  }

  @Test
  void aHealthCheckReportsEachChangeOfTheTasksHealth() throws Exception {
    runTask(checkedTask("checked"));
    awaitAndAcknowledge("checked", TaskState.TASK_RUNNING);

    StatusUpdate healthy = awaitHealthUpdate("checked", 1);
    assertThat(healthy.status().state()).isEqualTo(TaskState.TASK_RUNNING);
    assertThat(healthy.status().reason()).isEqualTo(TaskStatusReason.TASK_HEALTH_CHECK_STATUS_UPDATED);
    assertThat(healthy.status().healthy()).contains(true);

    Files.delete(sandboxOf("checked").resolve("healthy"));
    StatusUpdate unhealthy = awaitHealthUpdate("checked", 2);
    assertThat(unhealthy.status().healthy()).contains(false);
    assertThat(unhealthy.status().message()).isEqualTo("the check command exited 1");

    Files.writeString(sandboxOf("checked").resolve("healthy"), "");
    assertThat(awaitHealthUpdate("checked", 3).status().healthy()).contains(true);
    assertThat(healthUpdatesOf("checked")).hasSize(3);
    // The agent reports; it does not kill an unhealthy task.
    assertThat(statesOf("checked")).containsOnly(TaskState.TASK_RUNNING);
  }

  @Test
  void checksStopWhenTheTaskIsKilled() throws Exception {
    runTask(checkedTask("checked"));
    awaitAndAcknowledge("checked", TaskState.TASK_RUNNING);
    awaitHealthUpdate("checked", 1);

    stack.run(() -> stack.supervisor.killTask(FW, Tasks.shell("checked", "").id(), Optional.empty()));
    awaitUpdate("checked", TaskState.TASK_KILLED);
    Path probes = sandboxOf("checked").resolve("probes");
    long afterKill = Files.readAllLines(probes).size();

    // A probe under way at the kill may still finish; no new one starts.
    await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> Files.readAllLines(probes).size() <= afterKill + 1);
    assertThat(healthUpdatesOf("checked")).hasSize(1);
  }

  @Test
  void aReadoptedTaskIsCheckedAgain() throws Exception {
    runTask(checkedTask("checked"));
    awaitAndAcknowledge("checked", TaskState.TASK_RUNNING);
    awaitHealthUpdate("checked", 1);
    sent.clear();

    restart();
    Files.delete(sandboxOf("checked").resolve("healthy"));

    // The grace period starts again, and forgives only until the first success; with none the failures count after it.
    Files.writeString(sandboxOf("checked").resolve("healthy"), "");
    assertThat(awaitHealthUpdate("checked", 1).status().healthy()).contains(true);
    Files.delete(sandboxOf("checked").resolve("healthy"));
    assertThat(awaitHealthUpdate("checked", 2).status().healthy()).contains(false);
  }

  @Test
  void aTaskThatExitsZeroRunsThenFinishesWithItsOutputInTheSandbox() throws Exception {
    runTask(Tasks.shell("echo", "echo hi"));

    awaitAndAcknowledge("echo", TaskState.TASK_RUNNING);
    StatusUpdate finished = awaitUpdate("echo", TaskState.TASK_FINISHED);
    assertThat(statesOf("echo")).containsExactly(TaskState.TASK_RUNNING, TaskState.TASK_FINISHED);
    assertThat(finished.status().message()).isEqualTo("Command exited with status 0");
    assertThat(finished.frameworkId()).isEqualTo(FW);
    assertThat(sandboxOf("echo").resolve("stdout")).hasContent("hi");
  }

  @Test
  void aTaskThatExitsNonZeroFailsWithTheStatusAndItsStderr() throws Exception {
    runTask(Tasks.shell("fail", "echo first >&2; echo 'it broke' >&2; exit 3"));
    awaitAndAcknowledge("fail", TaskState.TASK_RUNNING);

    StatusUpdate failed = awaitUpdate("fail", TaskState.TASK_FAILED);
    assertThat(failed.status().message()).contains("Command exited with status 3").contains("first\nit broke");
  }

  @Test
  void aKilledTaskIsKilled() throws Exception {
    runTask(Tasks.shell("sleeper", "sleep 1000"));
    awaitAndAcknowledge("sleeper", TaskState.TASK_RUNNING);

    stack.run(() -> stack.supervisor.killTask(FW, Tasks.shell("sleeper", "").id(), Optional.empty()));

    assertThat(awaitUpdate("sleeper", TaskState.TASK_KILLED).status().message()).isEqualTo("Task killed");
  }

  @Test
  void tasksTheAgentCannotRunGetATerminalUpdateSayingWhy() throws Exception {
    runTask(Tasks.docker("boxed"));
    TaskInfo nothing = Tasks.shell("empty", "true");
    runTask(new TaskInfo(nothing.id(), "empty", Tasks.AGENT, Resources.EMPTY, nothing.command(), Optional.empty(), Optional.empty(), null, java.util.Map.of()));

    assertThat(awaitUpdate("boxed", TaskState.TASK_FAILED).status().message()).startsWith("agent has no docker containerizer");
    assertThat(awaitUpdate("empty", TaskState.TASK_ERROR).status().message()).contains("no resources");
    assertThat(statesOf("boxed")).containsExactly(TaskState.TASK_FAILED);
  }

  @Test
  void anAcknowledgedTerminalUpdateEndsTheTaskButKeepsItsSandbox() throws Exception {
    runTask(Tasks.shell("echo", "echo hi"));
    awaitAndAcknowledge("echo", TaskState.TASK_RUNNING);
    StatusUpdate finished = awaitUpdate("echo", TaskState.TASK_FINISHED);
    assertThat(stack.on(stack.supervisor::tasks)).extracting(TaskView::state).containsExactly(TaskState.TASK_FINISHED);

    acknowledge(finished);

    assertThat(stack.on(stack.supervisor::tasks)).isEmpty();
    assertThat(stack.on(stack.supervisor::frameworks)).isEmpty();
    assertThat(work.resolve("meta/frameworks/fw-1")).doesNotExist();
    assertThat(sandboxOf("echo").resolve("stdout")).hasContent("hi");
    assertCompleted("echo", TaskState.TASK_FINISHED);

    restart();

    assertCompleted("echo", TaskState.TASK_FINISHED);
  }

  /** The task is the one completed task, with its final state and its sandbox. */
  private void assertCompleted(String task, TaskState state) throws Exception {
    List<TaskView> completed = stack.on(stack.supervisor::completedTasks);
    assertThat(completed).extracting(t -> t.task().id().value()).containsExactly(task);
    assertThat(completed.get(0).state()).isEqualTo(state);
    assertThat(completed.get(0).frameworkId()).isEqualTo(FW);
    assertThat(Path.of(completed.get(0).sandbox().orElseThrow()).resolve("stdout").toRealPath()).isEqualTo(sandboxOf(task).resolve("stdout").toRealPath());
  }

  @Test
  void aRestartedAgentReadoptsItsRunningTaskAndReportsItsRealEnd() throws Exception {
    runTask(Tasks.shell("waiter", WAIT_FOR_STOP));
    awaitAndAcknowledge("waiter", TaskState.TASK_RUNNING);
    await().until(() -> Files.exists(sandboxOf("waiter").resolve("ready")));
    sent.clear();

    restart();

    List<TaskView> tasks = stack.on(stack.supervisor::tasks);
    assertThat(tasks).extracting(TaskView::state).containsExactly(TaskState.TASK_RUNNING);
    assertThat(Path.of(tasks.get(0).sandbox().orElseThrow()).toRealPath()).isEqualTo(sandboxOf("waiter").toRealPath());
    assertThat(sent).isEmpty();

    Files.writeString(sandboxOf("waiter").resolve("stop"), "");

    assertThat(awaitUpdate("waiter", TaskState.TASK_FAILED).status().message()).startsWith("Command exited with status 7");
  }

  @Test
  void aTaskThatEndedWhileTheAgentWasDownGetsItsTerminalUpdateOnRecovery() throws Exception {
    runTask(Tasks.shell("waiter", WAIT_FOR_STOP.replace("exit 7", "exit 0")));
    awaitAndAcknowledge("waiter", TaskState.TASK_RUNNING);
    await().until(() -> Files.exists(sandboxOf("waiter").resolve("ready")));
    stack.die();
    Files.writeString(sandboxOf("waiter").resolve("stop"), "");
    await().until(() -> Files.exists(sandboxOf("waiter").resolve("exit_status")));

    restart();

    assertThat(awaitUpdate("waiter", TaskState.TASK_FINISHED).status().message()).isEqualTo("Command exited with status 0");
  }

  @Test
  void updatesNotYetAcknowledgedAreSentAgainAfterARestart() throws Exception {
    runTask(Tasks.shell("sleeper", "sleep 1000"));
    StatusUpdate running = awaitUpdate("sleeper", TaskState.TASK_RUNNING);
    sent.clear();

    restart();

    await().until(() -> sent.contains(running));
    assertThat(sent).containsExactly(running);
  }

  @Test
  void aTaskCheckpointedButNeverLaunchedIsDroppedOnRecovery() throws Exception {
    stack.checkpoint.saveFramework(FRAMEWORK);
    stack.checkpoint.saveTask(FW, Tasks.shell("unborn", "true"));

    restart();

    assertThat(awaitUpdate("unborn", TaskState.TASK_DROPPED).status().message()).contains("before the task was launched");
  }

  @Test
  void aShutDownFrameworksTasksAreKilledSilentlyAndForgotten() throws Exception {
    runTask(Tasks.shell("sleeper", "touch ready; sleep 1000"));
    StatusUpdate running = awaitUpdate("sleeper", TaskState.TASK_RUNNING);
    await().until(() -> Files.exists(sandboxOf("sleeper").resolve("ready")));
    long pid = Long.parseLong(Files.readString(work.resolve("meta/frameworks/fw-1/tasks/sleeper/runs").toFile().listFiles()[0].toPath().resolve("process")).split(" ")[0]);
    sent.clear();

    stack.run(() -> stack.supervisor.shutdownFramework(FW));

    await().atMost(Duration.ofSeconds(10)).until(() -> stack.on(stack.supervisor::tasks).isEmpty() && !Files.exists(work.resolve("meta/frameworks/fw-1")));
    await().until(() -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) == false);
    assertThat(sent).isEmpty();
    assertThat(stack.updates.latestState(new StreamKey(FW, running.status().taskId()))).isEmpty();
    assertCompleted("sleeper", TaskState.TASK_KILLED);
  }
}
