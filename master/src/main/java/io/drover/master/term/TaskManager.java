package io.drover.master.term;

import io.drover.core.AgentId;
import io.drover.core.FrameworkId;
import io.drover.core.TaskId;
import io.drover.core.TaskState;
import io.drover.core.TaskStatus;
import io.drover.core.TaskStatusReason;
import io.drover.master.reconciliation.Reconciler;
import io.drover.master.reconciliation.TaskQuery;
import io.drover.master.task.TrackedTask;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows tasks after launch: forwards agents' status updates to frameworks and their acknowledgements
 * back, kills, reconciles, and marks the tasks of a lost agent unreachable.
 *
 * <p>Decisions kept from Mesos: the resources of a task go back to the allocator as soon as a terminal
 * update is seen (not when it is acknowledged), since the task no longer runs; the task itself stays
 * tracked until that update is acknowledged, so that reconciliation and retries still find it. An update
 * that breaks the legal transitions is still forwarded (the agent is the source of truth and retries
 * until acknowledged, so holding it back would stall its stream) but does not change the master's view;
 * it is logged.
 */
final class TaskManager {
  private static final Logger LOG = LoggerFactory.getLogger(TaskManager.class);

  private final TermContext term;

  TaskManager(TermContext term) {
    this.term = term;
  }

  void statusFromAgent(Agent agent, FrameworkId frameworkId, TaskStatus reported) {
    TaskStatus status =
        reported.agentId().isPresent()
            ? reported
            : new TaskStatus(
                reported.taskId(), reported.state(), Optional.of(agent.id()), reported.uuid(), reported.reason(), reported.message(), reported.healthy(), reported.source(), reported.timestamp());
    Optional<Framework> framework = term.frameworks.get(frameworkId);
    if (framework.isEmpty()) {
      LOG.info("{} sent an update of task {} of framework {}, which is gone; shutting the framework down there", agent, status.taskId(), frameworkId);
      agent.send(Events.shutdownFramework(frameworkId));
      return;
    }
    term.tasks.get(frameworkId, status.taskId()).ifPresentOrElse(task -> apply(task, status), () -> LOG.debug("Update of untracked task {} of {}: forwarding", status.taskId(), frameworkId));
    framework.get().send(Events.update(status));
  }

  private void apply(TrackedTask task, TaskStatus status) {
    TaskState from = task.state();
    TaskState to = status.state();
    if (from != to && !from.canMoveTo(to)) {
      LOG.warn("Task {} of framework {} cannot move from {} to {}; forwarding the update without applying it", task.id(), task.frameworkId(), from, to);
      return;
    }
    term.tasks.put(task.withStatus(status));
    if (task.holdsResources() && to.isTerminal()) {
      term.allocator.recoverResources(task.frameworkId(), task.agentId(), task.info().resources(), Optional.empty());
    }
  }

  void acknowledge(Framework framework, AgentId agentId, TaskId taskId, String uuid) {
    term.agents.get(agentId).ifPresent(agent -> agent.send(Events.acknowledge(framework.id(), taskId, uuid)));
    term.tasks
        .get(framework.id(), taskId)
        .filter(task -> task.state().isTerminal() && task.latestStatus().flatMap(TaskStatus::uuid).filter(uuid::equals).isPresent())
        .ifPresent(task -> term.tasks.remove(framework.id(), taskId));
  }

  /** Kills a known task on its agent; an unknown one is answered as reconciliation would answer it (as Mesos does). */
  void kill(Framework framework, TaskId taskId, Optional<AgentId> agentId, Duration gracePeriod) {
    Optional<TrackedTask> task = term.tasks.get(framework.id(), taskId);
    if (task.isEmpty()) {
      reconcile(framework, List.of(new TaskQuery(taskId, agentId)));
      return;
    }
    Optional<Agent> agent = term.agents.get(task.get().agentId()).filter(a -> a.status() == Agent.Status.ACTIVE);
    if (agent.isEmpty()) {
      // Nothing can reach the task now; the kill is not remembered, the framework retries or reconciles.
      LOG.info("Cannot kill task {} of {} now: its agent {} is not connected", taskId, framework, task.get().agentId());
      return;
    }
    agent.get().send(Events.killTask(framework.id(), taskId, gracePeriod));
  }

  void reconcile(Framework framework, List<TaskQuery> queries) {
    List<TaskStatus> answers =
        queries.isEmpty()
            ? Reconciler.implicit(term.tasks.ofFramework(framework.id()), term.now())
            : Reconciler.explicit(
                queries,
                taskId -> term.tasks.get(framework.id(), taskId),
                term.agents::standing,
                term.agents.count(Agent.Status.RECOVERING) > 0,
                term.now());
    answers.forEach(status -> framework.send(Events.update(status)));
  }

  /** The agent is lost: its running tasks are unreachable, which their frameworks are told. */
  void agentUnreachable(Agent agent) {
    for (TrackedTask task : term.tasks.onAgent(agent.id())) {
      if (task.state().isTerminal() || task.state() == TaskState.TASK_UNREACHABLE) {
        continue;
      }
      TaskStatus status =
          Events.masterStatus(task.id(), TaskState.TASK_UNREACHABLE, Optional.of(agent.id()), TaskStatusReason.AGENT_UNREACHABLE, agent + " is unreachable", term.now());
      term.tasks.put(task.withStatus(status));
      term.frameworks.get(task.frameworkId()).ifPresent(f -> f.send(Events.update(status)));
    }
  }

  /** Tells a framework about a task the master ended or refused itself. */
  void masterUpdate(Framework framework, TaskId taskId, TaskState state, Optional<AgentId> agentId, TaskStatusReason reason, String message) {
    framework.send(Events.update(Events.masterStatus(taskId, state, agentId, reason, message, term.now())));
  }
}
