package io.drover.master.term;

import io.drover.core.AgentId;
import io.drover.core.Filters;
import io.drover.core.FrameworkId;
import io.drover.core.InvalidValueException;
import io.drover.core.MasterInfo;
import io.drover.core.OfferId;
import io.drover.core.Resources;
import io.drover.core.TaskId;
import io.drover.core.TaskInfo;
import io.drover.core.allocation.Allocator;
import io.drover.core.allocation.AllocatorOptions;
import io.drover.core.allocation.AllocatorSnapshot;
import io.drover.master.allocation.SerialAllocator;
import io.drover.master.metrics.MasterMetrics;
import io.drover.master.reconciliation.TaskQuery;
import io.drover.master.registry.Registry;
import io.drover.master.registry.RegistryContents;
import io.drover.master.task.ReportedTask;
import io.drover.master.view.ClusterState;
import io.drover.protocol.FromProto;
import io.drover.protocol.net.Connection;
import io.drover.protocol.v1.Accept;
import io.drover.protocol.v1.AgentCall;
import io.drover.protocol.v1.Frame;
import io.drover.protocol.v1.Operation;
import io.drover.protocol.v1.PeerRole;
import io.drover.protocol.v1.RegisterAgent;
import io.drover.protocol.v1.SchedulerCall;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One term of leadership: everything the master does while it leads, from election to deposition. It
 * owns the term's state (agents, frameworks, tasks, offers, timers, allocator) and routes each call to
 * the part that handles it. Every method must be called on the master's thread; when the term ends, all
 * of it is dropped and a new term starts from the registry.
 */
public final class LeaderTerm {
  private static final Logger LOG = LoggerFactory.getLogger(LeaderTerm.class);

  private final TermContext term;
  private final OfferManager offers;
  private final TaskManager tasks;
  private final AcceptHandler accepts;
  private final AgentManager agents;
  private final FrameworkManager frameworks;
  private final Map<Long, Connection> open = new HashMap<>();

  /**
   * @param self this master, with the epoch of this term
   * @param fencedOut called on the master's thread when a registry write shows another master leads
   */
  public LeaderTerm(
      MasterInfo self,
      TermSettings settings,
      Clock clock,
      ScheduledExecutorService loop,
      Registry registry,
      Allocator allocator,
      AllocatorOptions allocatorOptions,
      MasterMetrics metrics,
      Consumer<String> fencedOut) {
    SerialAllocator serial =
        new SerialAllocator(
            allocator, allocatorOptions, (frameworkId, role, resources) -> loop.execute(() -> allocated(frameworkId, role, resources)), metrics::allocationRan);
    this.term = new TermContext(self, settings, clock, loop, registry, serial, metrics, fencedOut);
    this.offers = new OfferManager(term);
    this.tasks = new TaskManager(term);
    this.accepts = new AcceptHandler(term, offers, tasks);
    this.agents = new AgentManager(term, offers, tasks);
    this.frameworks = new FrameworkManager(term, offers);
  }

  /** The allocator's decision, handed over from its thread; ignored once the term is over. */
  private void allocated(FrameworkId frameworkId, String role, Map<AgentId, Resources> resources) {
    if (!term.over()) {
      offers.allocated(frameworkId, role, resources);
    }
  }

  /** Starts from what the registry holds: known frameworks, and agents that have a window to re-register. */
  public void start(RegistryContents contents) {
    term.allocator.start();
    frameworks.recover(contents.frameworks(), contents.failoverDeadlines());
    agents.recover(contents.agents());
    LOG.info(
        "Leading with epoch {}: {} agents and {} frameworks in the registry",
        term.self.epoch(),
        contents.agents().size(),
        contents.frameworks().size());
  }

  public void opened(Connection connection) {
    open.put(connection.id(), connection);
  }

  public void closed(Connection connection, String reason) {
    if (open.remove(connection.id()) == null) {
      return;
    }
    if (connection.role() == PeerRole.AGENT) {
      agents.connectionClosed(connection, reason);
    } else {
      frameworks.connectionClosed(connection, reason);
    }
  }

  public void frame(Connection connection, Frame frame) {
    if (!open.containsKey(connection.id())) {
      connection.close("the connection was opened under a previous leadership");
      return;
    }
    try {
      switch (frame.getBodyCase()) {
        case AGENT_CALL -> agentCall(connection, frame.getAgentCall());
        case SCHEDULER_CALL -> schedulerCall(connection, frame.getSchedulerCall());
        default -> connection.close("unexpected " + frame.getBodyCase() + " frame");
      }
    } catch (InvalidValueException e) {
      LOG.warn("Invalid call on {}: {}", connection, e.getMessage());
      if (connection.role() == PeerRole.SCHEDULER) {
        connection.send(Frame.newBuilder().setSchedulerEvent(Events.error("invalid call: " + e.getMessage(), false)).build());
      } else {
        connection.close("invalid call: " + e.getMessage());
      }
    }
  }

  private void agentCall(Connection connection, AgentCall call) {
    switch (call.getCallCase()) {
      case REGISTER -> {
        RegisterAgent register = call.getRegister();
        var info = FromProto.agentInfo(register.getInfo());
        if (register.getAgentId().isEmpty()) {
          agents.register(connection, info);
        } else {
          List<ReportedTask> reported = new ArrayList<>();
          register
              .getTasksList()
              .forEach(t -> reported.add(new ReportedTask(FrameworkId.of(t.getFrameworkId()), FromProto.taskInfo(t.getTask()), FromProto.taskState(t.getState()))));
          agents.reregister(connection, AgentId.of(register.getAgentId()), info, reported);
        }
      }
      case UPDATE -> {
        Optional<Agent> agent = term.agents.onConnection(connection.id());
        if (agent.isEmpty()) {
          // Its registration may still be being stored; the agent sends the update again until acknowledged.
          LOG.warn("Ignoring a status update on connection {} before its agent is registered", connection.id());
          return;
        }
        tasks.statusFromAgent(agent.get(), FrameworkId.of(call.getUpdate().getFrameworkId()), FromProto.taskStatus(call.getUpdate().getStatus()));
      }
      default -> connection.close("unknown agent call " + call.getCallCase());
    }
  }

  private void schedulerCall(Connection connection, SchedulerCall call) {
    if (call.hasSubscribe()) {
      Optional<FrameworkId> id = call.getFrameworkId().isEmpty() ? Optional.empty() : Optional.of(FrameworkId.of(call.getFrameworkId()));
      frameworks.subscribe(connection, id, FromProto.frameworkInfo(call.getSubscribe().getFrameworkInfo()));
      return;
    }
    Optional<Framework> subscribed = term.frameworks.onConnection(connection.id()).filter(f -> f.id().value().equals(call.getFrameworkId()));
    if (subscribed.isEmpty()) {
      connection.send(
          Frame.newBuilder()
              .setSchedulerEvent(Events.error("framework '" + call.getFrameworkId() + "' is not subscribed on this connection; subscribe first", false))
              .build());
      return;
    }
    Framework framework = subscribed.get();
    switch (call.getCallCase()) {
      case ACCEPT -> accept(framework, call.getAccept());
      case DECLINE ->
          offers.decline(
              framework.id(),
              call.getDecline().getOfferIdsList().stream().map(OfferId::of).toList(),
              call.getDecline().hasFilters() ? FromProto.filters(call.getDecline().getFilters()) : Filters.DEFAULT);
      case REVIVE -> term.allocator.reviveOffers(framework.id(), Set.copyOf(call.getRevive().getRolesList()));
      case SUPPRESS -> term.allocator.suppressOffers(framework.id(), Set.copyOf(call.getSuppress().getRolesList()));
      case KILL -> {
        var kill = call.getKill();
        tasks.kill(
            framework,
            TaskId.of(kill.getTaskId()),
            kill.getAgentId().isEmpty() ? Optional.empty() : Optional.of(AgentId.of(kill.getAgentId())),
            Duration.ofMillis(kill.getGracePeriodMs()));
      }
      case ACKNOWLEDGE -> {
        var ack = call.getAcknowledge();
        tasks.acknowledge(framework, AgentId.of(ack.getAgentId()), TaskId.of(ack.getTaskId()), ack.getUuid());
      }
      case RECONCILE ->
          tasks.reconcile(
              framework,
              call.getReconcile().getTasksList().stream()
                  .map(t -> new TaskQuery(TaskId.of(t.getTaskId()), t.getAgentId().isEmpty() ? Optional.empty() : Optional.of(AgentId.of(t.getAgentId()))))
                  .toList());
      case TEARDOWN -> frameworks.teardown(framework);
      default -> framework.send(Events.error("unknown call " + call.getCallCase(), false));
    }
  }

  private void accept(Framework framework, Accept accept) {
    List<OfferId> offerIds = accept.getOfferIdsList().stream().map(OfferId::of).toList();
    Filters filters = accept.hasFilters() ? FromProto.filters(accept.getFilters()) : Filters.DEFAULT;
    List<TaskInfo> launch = new ArrayList<>();
    try {
      for (Operation operation : accept.getOperationsList()) {
        if (operation.hasLaunch()) {
          operation.getLaunch().getTasksList().forEach(t -> launch.add(FromProto.taskInfo(t)));
        }
      }
    } catch (InvalidValueException e) {
      // A task that cannot even be read has no id to report on: the whole call is refused and its offers declined.
      offers.decline(framework.id(), offerIds, Filters.DEFAULT);
      framework.send(Events.error("invalid Accept, its offers are declined: " + e.getMessage(), false));
      return;
    }
    accepts.accept(framework, offerIds, launch, filters);
  }

  /** The term's view for the operator API; shares come from the allocator. */
  public ClusterState state(AllocatorSnapshot shares) {
    return StateReport.of(term, shares);
  }

  public CompletableFuture<AllocatorSnapshot> allocatorSnapshot() {
    return term.allocator.snapshot();
  }

  /** Ends the term at once: timers stop, the allocator and registry are closed, connections are dropped. */
  public void end(String reason) {
    term.end();
    term.allocator.close();
    term.registry.close();
    Set<Connection> connections = new HashSet<>(open.values());
    open.clear();
    connections.forEach(c -> c.close("master stopped leading: " + reason));
  }
}
