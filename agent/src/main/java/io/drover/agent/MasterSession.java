package io.drover.agent;

import io.drover.agent.checkpoint.AgentCheckpoint;
import io.drover.agent.task.TaskSupervisor;
import io.drover.agent.update.Acknowledgement;
import io.drover.agent.update.StatusUpdateManager;
import io.drover.agent.update.StreamKey;
import io.drover.core.AgentId;
import io.drover.core.AgentInfo;
import io.drover.core.FrameworkId;
import io.drover.core.InvalidValueException;
import io.drover.core.MasterInfo;
import io.drover.core.TaskId;
import io.drover.protocol.FromProto;
import io.drover.protocol.net.Backoff;
import io.drover.protocol.v1.AgentCall;
import io.drover.protocol.v1.AgentEvent;
import io.drover.protocol.v1.Frame;
import io.drover.protocol.v1.RegisterAgent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's side of its conversation with the leading master: (re-)registers on every new connection
 * and repeats RegisterAgent with backoff until AgentRegistered comes; hands RunTask, KillTask and
 * ShutdownFramework to the {@link TaskSupervisor} and acknowledgements to the {@link
 * StatusUpdateManager}; delivers status updates only while registered.
 *
 * <p>Its event methods must run on the agent's {@link AgentLoop}.
 */
public final class MasterSession {
  private static final Logger LOG = LoggerFactory.getLogger(MasterSession.class);

  private final AgentInfo info;
  private final AgentCheckpoint checkpoint;
  private final TaskSupervisor supervisor;
  private final StatusUpdateManager updates;
  private final Backoff registrationBackoff;
  private final AgentLoop loop;
  private final Clock clock;
  private final FrameSender sender;

  private Optional<AgentId> agentId;
  private Optional<MasterInfo> master = Optional.empty();
  private boolean registered;
  private int registrationAttempts;
  private ScheduledFuture<?> registrationRetry;
  private ScheduledFuture<?> deliveryWakeup;
  private Instant deliveryWakeupAt;

  public MasterSession(
      AgentInfo info,
      Optional<AgentId> agentId,
      AgentCheckpoint checkpoint,
      TaskSupervisor supervisor,
      StatusUpdateManager updates,
      Backoff registrationBackoff,
      AgentLoop loop,
      Clock clock,
      FrameSender sender) {
    this.info = info;
    this.agentId = agentId;
    this.checkpoint = checkpoint;
    this.supervisor = supervisor;
    this.updates = updates;
    this.registrationBackoff = registrationBackoff;
    this.loop = loop;
    this.clock = clock;
    this.sender = sender;
    loop.afterEachEvent(this::deliverUpdates);
  }

  public void connected(MasterInfo leader) {
    master = Optional.of(leader);
    registered = false;
    updates.pause();
    registrationAttempts = 0;
    cancelRegistrationRetry();
    register();
  }

  public void disconnected(String reason) {
    LOG.info("Lost the master ({}); status updates wait until the agent has registered again", reason);
    master = Optional.empty();
    registered = false;
    updates.pause();
    cancelRegistrationRetry();
  }

  public void frame(Frame frame) {
    if (!frame.hasAgentEvent()) {
      return;
    }
    AgentEvent event = frame.getAgentEvent();
    try {
      switch (event.getEventCase()) {
        case REGISTERED -> registered(AgentId.of(event.getRegistered().getAgentId()));
        case RUN_TASK -> runTask(event);
        case KILL_TASK ->
            supervisor.killTask(
                FrameworkId.of(event.getKillTask().getFrameworkId()),
                TaskId.of(event.getKillTask().getTaskId()),
                event.getKillTask().getGracePeriodMs() > 0 ? Optional.of(Duration.ofMillis(event.getKillTask().getGracePeriodMs())) : Optional.empty());
        case ACKNOWLEDGE -> acknowledge(event);
        case SHUTDOWN_FRAMEWORK -> supervisor.shutdownFramework(FrameworkId.of(event.getShutdownFramework().getFrameworkId()));
        case EVENT_NOT_SET -> LOG.warn("Ignoring an empty agent event from the master");
      }
    } catch (InvalidValueException e) {
      LOG.warn("Ignoring an invalid {} from the master: {}", event.getEventCase(), e.getMessage());
    }
  }

  private void runTask(AgentEvent event) {
    if (!registered || agentId.isEmpty()) {
      LOG.warn("Ignoring task {}: the agent is not registered", event.getRunTask().getTask().getTaskId());
      return;
    }
    supervisor.runTask(agentId.get(), FromProto.frameworkInfo(event.getRunTask().getFramework()), FromProto.taskInfo(event.getRunTask().getTask()));
  }

  private void acknowledge(AgentEvent event) {
    var ack = event.getAcknowledge();
    StreamKey key = new StreamKey(FrameworkId.of(ack.getFrameworkId()), TaskId.of(ack.getTaskId()));
    try {
      Acknowledgement result = updates.acknowledge(key, ack.getUuid());
      supervisor.acknowledged(result);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot checkpoint the acknowledgement of " + key, e);
    }
  }

  private void registered(AgentId id) {
    if (master.isEmpty()) {
      return;
    }
    if (agentId.isPresent() && !agentId.get().equals(id)) {
      LOG.warn("The master registered this agent as {}, not as {}; its tasks stay as they are", id, agentId.get());
    }
    try {
      checkpoint.saveAgentId(id);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot checkpoint the agent id " + id, e);
    }
    boolean first = !registered;
    agentId = Optional.of(id);
    registered = true;
    cancelRegistrationRetry();
    if (first) {
      LOG.info("Registered with master {} as agent {}", master.get().id(), id);
      updates.resume();
    }
  }

  private void register() {
    if (master.isEmpty() || registered) {
      return;
    }
    RegisterAgent register = AgentCalls.register(agentId, info, supervisor.tasks(), supervisor.frameworks());
    sender.send(Frame.newBuilder().setAgentCall(AgentCall.newBuilder().setRegister(register)).build());
    Duration retry = registrationBackoff.delay(registrationAttempts++);
    LOG.info(
        "{} with master {} ({} task(s)); retrying in {} ms without an answer",
        agentId.isPresent() ? "Re-registering as " + agentId.get() : "Registering",
        master.get().id(),
        register.getTasksCount(),
        retry.toMillis());
    registrationRetry = loop.schedule(this::register, retry);
  }

  private void cancelRegistrationRetry() {
    if (registrationRetry != null) {
      registrationRetry.cancel(false);
      registrationRetry = null;
    }
  }

  /** Sends the updates that are due and sets a wakeup for the next ones. Runs after every event. */
  private void deliverUpdates() {
    Optional<Instant> next = updates.flush();
    if (next.isEmpty() || (deliveryWakeup != null && !next.get().isBefore(deliveryWakeupAt))) {
      return;
    }
    if (deliveryWakeup != null) {
      deliveryWakeup.cancel(false);
    }
    deliveryWakeupAt = next.get();
    // The wakeup only clears itself: delivering is what every event ends with.
    deliveryWakeup =
        loop.schedule(
            () -> {
              deliveryWakeup = null;
              deliveryWakeupAt = null;
            },
            Duration.between(clock.instant(), deliveryWakeupAt));
  }

  public Optional<AgentId> agentId() {
    return agentId;
  }

  public AgentState state() {
    return new AgentState(agentId, info, master, registered, supervisor.frameworks(), supervisor.tasks(), supervisor.completedTasks());
  }
}
