package io.drover.master;

import static org.awaitility.Awaitility.await;

import io.drover.core.AgentInfo;
import io.drover.core.Attributes;
import io.drover.core.MasterInfo;
import io.drover.core.Resources;
import io.drover.protocol.ToProto;
import io.drover.protocol.net.Backoff;
import io.drover.protocol.net.MasterClient;
import io.drover.protocol.net.MasterDetector;
import io.drover.protocol.net.ProtocolOptions;
import io.drover.protocol.v1.AgentCall;
import io.drover.protocol.v1.AgentEvent;
import io.drover.protocol.v1.AgentStatusUpdate;
import io.drover.protocol.v1.Frame;
import io.drover.protocol.v1.PeerRole;
import io.drover.protocol.v1.RegisterAgent;
import io.drover.protocol.v1.RunningTask;
import io.drover.protocol.v1.TaskState;
import io.drover.protocol.v1.TaskStatus;
import io.drover.protocol.v1.Welcome;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * A pretend agent on a real protocol connection: it registers (and re-registers with the tasks it was
 * given to run after every reconnection), records what the master sends, and sends status updates.
 */
final class TestAgent implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(20);

  final AgentInfo info;
  final List<AgentEvent> events = new CopyOnWriteArrayList<>();
  /** What this agent runs, keyed by framework id + "/" + task id. */
  final Map<String, RunningTask> tasks = new ConcurrentHashMap<>();
  final AtomicInteger connections = new AtomicInteger();
  final AtomicInteger disconnections = new AtomicInteger();
  private final MasterClient client;
  private final AtomicBoolean closed = new AtomicBoolean();
  volatile String agentId;

  TestAgent(MasterDetector detector, ProtocolOptions options, String hostname, Resources resources) {
    this(detector, options, hostname, resources, "", Map.of());
  }

  /** An agent that already has an id and tasks, as after a restart. */
  TestAgent(MasterDetector detector, ProtocolOptions options, String hostname, Resources resources, String agentId, Map<String, RunningTask> tasks) {
    this.info = new AgentInfo(hostname, 5051, resources, Attributes.parse("rack:r1"), Set.of(AgentInfo.CAPABILITY_DOCKER));
    this.agentId = agentId;
    this.tasks.putAll(tasks);
    this.client = new MasterClient(detector, PeerRole.AGENT, "", options, new Backoff(Duration.ofMillis(20), Duration.ofMillis(300)), new Listener());
  }

  TestAgent start() {
    client.start();
    return this;
  }

  private final class Listener implements MasterClient.Listener {
    @Override
    public void connected(MasterInfo master, Welcome welcome) {
      connections.incrementAndGet();
      register(tasks.values());
    }

    @Override
    public void frame(Frame frame) {
      if (!frame.hasAgentEvent()) {
        return;
      }
      AgentEvent event = frame.getAgentEvent();
      switch (event.getEventCase()) {
        case REGISTERED -> agentId = event.getRegistered().getAgentId();
        case RUN_TASK ->
            tasks.put(
                event.getRunTask().getFramework().getId() + "/" + event.getRunTask().getTask().getTaskId(),
                RunningTask.newBuilder()
                    .setFrameworkId(event.getRunTask().getFramework().getId())
                    .setTask(event.getRunTask().getTask())
                    .setState(TaskState.TASK_STAGING)
                    .build());
        case SHUTDOWN_FRAMEWORK -> tasks.keySet().removeIf(k -> k.startsWith(event.getShutdownFramework().getFrameworkId() + "/"));
        default -> {}
      }
      events.add(event);
    }

    @Override
    public void disconnected(String reason) {
      disconnections.incrementAndGet();
    }
  }

  /** Sends a (re-)registration reporting {@code running}. */
  void register(Collection<RunningTask> running) {
    RegisterAgent.Builder register = RegisterAgent.newBuilder().setAgentId(agentId).setInfo(ToProto.agentInfo(info)).addAllTasks(running);
    client.send(Frame.newBuilder().setAgentCall(AgentCall.newBuilder().setRegister(register)).build());
  }

  boolean registered() {
    return !agentId.isEmpty() && events.stream().anyMatch(AgentEvent::hasRegistered);
  }

  TestAgent awaitRegistered() {
    await().atMost(WAIT).until(this::registered);
    return this;
  }

  AgentEvent awaitEvent(Predicate<AgentEvent> what) {
    await().atMost(WAIT).until(() -> events.stream().anyMatch(what));
    return events.stream().filter(what).findFirst().orElseThrow();
  }

  /** Reports a task's new state as the agent's status update manager would; returns the update's uuid. */
  String update(String frameworkId, String taskId, TaskState state) {
    String uuid = UUID.randomUUID().toString();
    tasks.computeIfPresent(frameworkId + "/" + taskId, (k, t) -> t.toBuilder().setState(state).build());
    TaskStatus status =
        TaskStatus.newBuilder().setTaskId(taskId).setState(state).setAgentId(agentId).setUuid(uuid).setTimestampMs(System.currentTimeMillis()).build();
    client.send(
        Frame.newBuilder()
            .setAgentCall(AgentCall.newBuilder().setUpdate(AgentStatusUpdate.newBuilder().setFrameworkId(frameworkId).setStatus(status)))
            .build());
    return uuid;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      client.close();
    }
  }
}
