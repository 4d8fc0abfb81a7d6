package io.drover.master.validation;

import io.drover.core.AgentId;
import io.drover.core.FrameworkId;
import io.drover.core.Offer;
import io.drover.core.OfferId;
import io.drover.core.Ranges;
import io.drover.core.Resources;
import io.drover.core.TaskId;
import io.drover.core.TaskInfo;
import io.drover.core.TaskState;
import io.drover.core.TaskStatusReason;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Decides what an Accept may launch. Pure: it looks offers and task ids up through the functions it is
 * given and changes nothing.
 *
 * <p>If the offers themselves are wrong (unknown, rescinded, another framework's, on several agents),
 * every task is dropped ({@code TASK_DROPPED}, {@code INVALID_OFFERS}); the framework's own valid offers
 * among them are still used up and their resources returned. Otherwise each task is checked in order
 * against what the earlier ones left, and a bad one gets {@code TASK_ERROR} ({@code TASK_INVALID}) with
 * the rule it broke.
 */
public final class AcceptValidator {
  private AcceptValidator() {}

  public static AcceptVerdict validate(
      FrameworkId frameworkId,
      List<OfferId> offerIds,
      List<TaskInfo> tasks,
      Function<OfferId, Optional<Offer>> outstandingOffers,
      Predicate<TaskId> taskIdInUse) {
    List<String> offerProblems = new ArrayList<>();
    Map<OfferId, Offer> usable = new LinkedHashMap<>();
    if (offerIds.isEmpty()) {
      offerProblems.add("the call names no offers");
    }
    Set<OfferId> seen = new HashSet<>();
    for (OfferId id : offerIds) {
      if (!seen.add(id)) {
        offerProblems.add("offer " + id + " is named more than once");
        continue;
      }
      Optional<Offer> offer = outstandingOffers.apply(id);
      if (offer.isEmpty()) {
        offerProblems.add("offer " + id + " is not outstanding (never made, already used, declined or rescinded)");
      } else if (!offer.get().frameworkId().equals(frameworkId)) {
        offerProblems.add("offer " + id + " was made to another framework");
      } else {
        usable.put(id, offer.get());
      }
    }
    Set<AgentId> agents = new TreeSet<>();
    usable.values().forEach(o -> agents.add(o.agentId()));
    if (agents.size() > 1) {
      offerProblems.add("offers " + usable.keySet() + " are on different agents " + agents + "; one Accept may use one agent's offers");
    }
    List<Offer> consumed = List.copyOf(usable.values());
    if (!offerProblems.isEmpty()) {
      String message = "invalid offers: " + String.join("; ", offerProblems);
      List<TaskRejection> dropped =
          tasks.stream().map(t -> new TaskRejection(t.id(), TaskState.TASK_DROPPED, TaskStatusReason.INVALID_OFFERS, message)).toList();
      return new AcceptVerdict(consumed, List.of(), dropped, offeredPerAgent(consumed));
    }
    return checkTasks(consumed, tasks, taskIdInUse);
  }

  private static AcceptVerdict checkTasks(List<Offer> offers, List<TaskInfo> tasks, Predicate<TaskId> taskIdInUse) {
    AgentId agent = offers.get(0).agentId();
    Resources offered = Resources.EMPTY;
    for (Offer o : offers) {
      offered = offered.plus(o.resources());
    }
    Resources left = offered;
    Set<TaskId> idsInThisCall = new HashSet<>();
    List<TaskInfo> launch = new ArrayList<>();
    List<TaskRejection> rejections = new ArrayList<>();
    for (TaskInfo task : tasks) {
      Optional<String> problem = problem(task, agent, offered, left, idsInThisCall, taskIdInUse);
      idsInThisCall.add(task.id());
      if (problem.isPresent()) {
        rejections.add(new TaskRejection(task.id(), TaskState.TASK_ERROR, TaskStatusReason.TASK_INVALID, problem.get()));
      } else {
        launch.add(task);
        left = left.minus(task.resources());
      }
    }
    Map<AgentId, Resources> unused = left.isEmpty() ? Map.of() : Map.of(agent, left);
    return new AcceptVerdict(offers, launch, rejections, unused);
  }

  private static Optional<String> problem(
      TaskInfo task, AgentId agent, Resources offered, Resources left, Set<TaskId> idsInThisCall, Predicate<TaskId> taskIdInUse) {
    if (!task.agentId().equals(agent)) {
      return Optional.of("task " + task.id() + " names agent " + task.agentId() + ", but the offers are on agent " + agent);
    }
    if (idsInThisCall.contains(task.id()) || taskIdInUse.test(task.id())) {
      return Optional.of("task id " + task.id() + " is already in use");
    }
    if (task.command().isEmpty() && task.container().isEmpty()) {
      return Optional.of("task " + task.id() + " has neither a command nor a container to run");
    }
    if (task.resources().isEmpty()) {
      return Optional.of("task " + task.id() + " asks for no resources");
    }
    if (!left.contains(task.resources())) {
      return Optional.of("task " + task.id() + " asks for more than the offers hold: " + String.join("; ", shortfalls(task.resources(), offered, left)));
    }
    return Optional.empty();
  }

  /** One line per over-committed resource, e.g. {@code cpus: asked 3, offered 2}. */
  private static List<String> shortfalls(Resources asked, Resources offered, Resources left) {
    List<String> out = new ArrayList<>();
    for (String name : asked.scalarNames()) {
      if (asked.scalarMillis(name) > left.scalarMillis(name)) {
        out.add(describe(name, amount(asked.scalarMillis(name)), amount(offered.scalarMillis(name)), amount(left.scalarMillis(name)), offered.equals(left)));
      }
    }
    for (String name : asked.rangeNames()) {
      if (!left.ranges(name).containsAll(asked.ranges(name))) {
        out.add(describe(name, asked.ranges(name).toString(), text(offered.ranges(name)), text(left.ranges(name)), offered.equals(left)));
      }
    }
    for (String name : asked.setNames()) {
      if (!left.set(name).containsAll(asked.set(name))) {
        out.add(describe(name, text(asked.set(name)), text(offered.set(name)), text(left.set(name)), offered.equals(left)));
      }
    }
    return out;
  }

  private static String describe(String name, String asked, String offered, String left, boolean nothingTakenYet) {
    return nothingTakenYet
        ? name + ": asked " + asked + ", offered " + offered
        : name + ": asked " + asked + ", " + left + " left of " + offered + " offered";
  }

  private static String amount(long millis) {
    return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
  }

  private static String text(Ranges ranges) {
    return ranges.isEmpty() ? "none" : ranges.toString();
  }

  private static String text(SortedSet<String> items) {
    return items.isEmpty() ? "none" : "{" + String.join(",", items) + "}";
  }

  private static Map<AgentId, Resources> offeredPerAgent(List<Offer> offers) {
    Map<AgentId, Resources> out = new LinkedHashMap<>();
    offers.forEach(o -> out.merge(o.agentId(), o.resources(), Resources::plus));
    return out;
  }
}
