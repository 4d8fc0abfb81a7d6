package io.drover.marathon.scheduling;

import io.drover.core.AgentId;
import io.drover.core.Offer;
import io.drover.core.OfferId;
import io.drover.core.Ranges;
import io.drover.core.Resources;
import io.drover.core.TaskId;
import io.drover.core.ValueRange;
import io.drover.marathon.instance.InstanceId;
import io.drover.marathon.launch.OfferOutcome;
import io.drover.marathon.launch.RejectReason;
import io.drover.sdk.placement.Candidate;
import io.drover.sdk.placement.Checker;
import io.drover.sdk.placement.Constraint;
import io.drover.sdk.placement.ConstraintChecker;
import io.drover.sdk.placement.EvenSpread;
import io.drover.sdk.placement.PlacementDecision;
import io.drover.sdk.placement.PlacementPipeline;
import io.drover.sdk.placement.PlacementPlan;
import io.drover.sdk.placement.ResourceRolesChecker;
import io.drover.sdk.placement.RunningTasks;
import io.drover.sdk.placement.SpreadScorer;
import io.drover.sdk.placement.TaskRequest;
import io.drover.sdk.placement.Veto;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Decides what a batch of offers is used for: places the requested instances with the SDK's placement
 * pipeline (roles, the app's constraints, resources and ports, then spreading: the agent with the
 * fewest instances of the app wins, then the one with the fewest tasks) and builds their tasks. Pure
 * apart from the instance ids it draws.
 *
 * <p>Spreading looks beyond the batch: when only some agents offer (the others' offers are filtered
 * for a while, or on their way), the batch takes no more of an app than an even spread over all its
 * peers gives each agent ({@link EvenSpread}); the rest wait for the peers' offers.
 *
 * <p>{@code acceptedResourceRoles} is checked against the roles of the offered resources, which are
 * unreserved ({@code *}) as Drover has no reservations.
 */
public final class OfferMatcher {
  private final List<Checker> checks = new ArrayList<>();
  /** The checks alone: which agents of a batch could take an app's instance at all. */
  private final PlacementPipeline checksOnly;
  private final TaskFactory taskFactory = new TaskFactory();
  private final Supplier<UUID> uuids;

  /** @param keepGpuAgentsForGpuApps decline agents with GPUs for apps that use none */
  public OfferMatcher(Supplier<UUID> uuids, boolean keepGpuAgentsForGpuApps) {
    this.uuids = uuids;
    checks.add(new ReasonedChecker(RejectReason.UNFULFILLED_ROLE, new ResourceRolesChecker()));
    checks.add(new ReasonedChecker(RejectReason.UNFULFILLED_CONSTRAINT, new ConstraintChecker()));
    checks.add(new ResourceFitChecker());
    if (keepGpuAgentsForGpuApps) {
      checks.add(new ScarceResourceChecker());
    }
    this.checksOnly = withChecks().build();
  }

  private PlacementPipeline.Builder withChecks() {
    PlacementPipeline.Builder builder = PlacementPipeline.builder();
    checks.forEach(builder::check);
    return builder;
  }

  /**
   * Places the requested instances on the offers.
   *
   * @param peerOffers the latest offer of each agent outside this batch that offered lately: agents
   *     expected to offer again soon, whose share of an even spread the batch leaves them if they could
   *     take the app's instances
   */
  public MatchResult match(List<Offer> offers, List<LaunchRequest> requests, RunningTasks running, List<Offer> peerOffers, Instant now) {
    Map<TaskId, RunSpec> specs = new HashMap<>();
    List<TaskRequest> tasks = new ArrayList<>();
    for (LaunchRequest request : requests) {
      for (int i = 0; i < request.count(); i++) {
        InstanceId id = InstanceId.forApp(request.spec().appId(), uuids.get());
        specs.put(id.taskId(), request.spec());
        tasks.add(placementRequest(request.spec(), id));
      }
    }
    List<Candidate> candidates = Candidate.fromOffers(offers);
    PlacementPlan plan = pipeline(evenSpread(tasks, candidates, Candidate.fromOffers(peerOffers), running)).plan(tasks, candidates, running);

    Map<OfferId, Offer> offersById = new LinkedHashMap<>();
    offers.forEach(o -> offersById.putIfAbsent(o.id(), o));
    List<OfferLaunch> launches = new ArrayList<>();
    Map<String, Set<OfferId>> usedByApp = new HashMap<>();
    plan.placedByOffer()
        .forEach(
            (offerId, placed) -> {
              Offer offer = offersById.get(offerId);
              List<PlannedInstance> planned = new ArrayList<>();
              for (PlacementDecision.Placed p : placed) {
                RunSpec spec = specs.get(p.task().taskId());
                planned.add(taskFactory.build(spec, InstanceId.of(p.task().taskId()).orElseThrow(), offer, p.claimed(), now));
                usedByApp.computeIfAbsent(spec.appId(), a -> new HashSet<>()).add(offerId);
              }
              launches.add(new OfferLaunch(offer, planned));
            });
    return new MatchResult(launches, plan.unusedOffers(), outcomes(requests, plan, offersById, usedByApp));
  }

  private PlacementPipeline pipeline(EvenSpread evenSpread) {
    return withChecks().check(evenSpread).score(new SpreadScorer(), 1).build();
  }

  /** Each app's peers: the agents, of this batch or offering lately, that could take its first instance. */
  private EvenSpread evenSpread(List<TaskRequest> tasks, List<Candidate> candidates, List<Candidate> peerCandidates, RunningTasks running) {
    Map<String, Integer> wanted = new HashMap<>();
    Map<String, Set<AgentId>> peers = new HashMap<>();
    for (TaskRequest task : tasks) {
      if (wanted.merge(task.group(), 1, Integer::sum) > 1) {
        continue;
      }
      Set<AgentId> ofApp = new HashSet<>();
      for (List<Candidate> some : List.of(candidates, peerCandidates)) {
        for (Candidate candidate : some) {
          if (checksOnly.admits(task, candidate, running)) {
            ofApp.add(candidate.agentId());
          }
        }
      }
      peers.put(task.group(), ofApp);
    }
    return EvenSpread.of(wanted, peers, running);
  }

  /**
   * Per app: the offers it used, and the offers its first waiting instance was refused, with the reason
   * (the instances after it would be refused the same).
   */
  private static Map<String, List<OfferOutcome>> outcomes(
      List<LaunchRequest> requests, PlacementPlan plan, Map<OfferId, Offer> offers, Map<String, Set<OfferId>> usedByApp) {
    Map<String, PlacementDecision.Waiting> firstWaiting = new HashMap<>();
    for (PlacementDecision.Waiting waiting : plan.waiting()) {
      firstWaiting.putIfAbsent(waiting.task().group(), waiting);
    }
    Map<String, List<OfferOutcome>> outcomes = new LinkedHashMap<>();
    for (LaunchRequest request : requests) {
      String app = request.spec().appId();
      if (outcomes.containsKey(app)) {
        continue;
      }
      Set<OfferId> used = usedByApp.getOrDefault(app, Set.of());
      List<OfferOutcome> ofApp = new ArrayList<>();
      used.forEach(id -> ofApp.add(OfferOutcome.used(offers.get(id).agentId())));
      PlacementDecision.Waiting waiting = firstWaiting.get(app);
      if (waiting != null) {
        for (Map.Entry<OfferId, Veto> veto : waiting.vetoes().entrySet()) {
          // An offer kept for an even spread was not refused: the app could use it.
          if (!used.contains(veto.getKey()) && !veto.getValue().checker().equals(EvenSpread.CHECKER)) {
            ofApp.add(OfferOutcome.rejected(offers.get(veto.getKey()).agentId(), RejectReason.valueOf(veto.getValue().checker())));
          }
        }
      }
      outcomes.put(app, ofApp);
    }
    return outcomes;
  }

  /** What placement needs of an instance: the app as its group, scalars plus fixed host ports, the number of other ports. */
  static TaskRequest placementRequest(RunSpec spec, InstanceId id) {
    List<ValueRange> fixed = new ArrayList<>();
    int dynamic = 0;
    for (PortSpec port : spec.ports()) {
      if (port.isFixed()) {
        fixed.add(ValueRange.of(port.hostPort(), port.hostPort()));
      } else {
        dynamic++;
      }
    }
    Resources resources = Resources.builder().add(spec.scalarResources()).ranges(Resources.PORTS, Ranges.of(fixed)).build();
    List<Constraint> constraints = new ArrayList<>(spec.constraints());
    if (spec.isGlobal()) {
      constraints.add(new OneInstancePerAgent());
    }
    return new TaskRequest(id.taskId(), spec.appId(), resources, dynamic, spec.acceptedResourceRoles(), constraints);
  }
}
