package io.drover.master.term;

import io.drover.core.AgentId;
import io.drover.core.Filters;
import io.drover.core.OfferId;
import io.drover.core.Resources;
import io.drover.core.TaskId;
import io.drover.core.TaskInfo;
import io.drover.master.task.TrackedTask;
import io.drover.master.validation.AcceptValidator;
import io.drover.master.validation.AcceptVerdict;
import io.drover.master.validation.TaskRejection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Carries out an Accept: asks the {@link AcceptValidator} what may run, then uses up the offers, tells
 * the framework about refused tasks, launches the rest (tracked as {@code TASK_STAGING}; no update is
 * sent for that, as in Mesos) and returns the unused resources with the call's filters.
 */
final class AcceptHandler {
  private final TermContext term;
  private final OfferManager offers;
  private final TaskManager tasks;

  AcceptHandler(TermContext term, OfferManager offers, TaskManager tasks) {
    this.term = term;
    this.offers = offers;
    this.tasks = tasks;
  }

  void accept(Framework framework, List<OfferId> offerIds, List<TaskInfo> launch, Filters filters) {
    AcceptVerdict verdict =
        AcceptValidator.validate(framework.id(), offerIds, launch, term.offers::get, taskId -> term.tasks.contains(framework.id(), taskId));
    offers.used(verdict.consumedOffers());
    Map<TaskId, AgentId> agentOf = new HashMap<>();
    launch.forEach(t -> agentOf.putIfAbsent(t.id(), t.agentId()));
    for (TaskRejection rejection : verdict.rejections()) {
      tasks.masterUpdate(
          framework, rejection.taskId(), rejection.state(), Optional.ofNullable(agentOf.get(rejection.taskId())), rejection.reason(), rejection.message());
    }
    for (TaskInfo task : verdict.launch()) {
      term.tasks.put(TrackedTask.staging(framework.id(), task));
      term.agents.get(task.agentId()).ifPresent(agent -> agent.send(Events.runTask(framework.info(), task)));
    }
    for (Map.Entry<AgentId, Resources> unused : verdict.unused().entrySet()) {
      term.allocator.recoverResources(framework.id(), unused.getKey(), unused.getValue(), Optional.of(filters));
    }
  }
}
