package io.drover.sdk.placement;

import static io.drover.sdk.placement.TestOffers.offer;
import static io.drover.sdk.placement.TestOffers.request;
import static io.drover.sdk.placement.TestOffers.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.core.AgentId;
import io.drover.core.Offer;
import io.drover.core.OfferId;
import io.drover.core.Ranges;
import io.drover.core.Resources;
import io.drover.core.TaskId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PlacementPipelineTest {
  private final PlacementPipeline spreading = PlacementPipeline.spreading();

  private static List<TaskRequest> tasks(String group, int count, String resources) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> request(group + "-" + i, group, resources)).toList();
  }

  private static Map<String, Long> perAgent(PlacementPlan plan) {
    return plan.placed().stream().collect(Collectors.groupingBy(p -> p.agentId().value(), Collectors.counting()));
  }

  @Test
  void spreadsSixTasksOfAGroupTwoPerAgentOverThreeEqualAgents() {
    List<Offer> offers = List.of(offer("o1", "a1", "cpus:8;mem:8192"), offer("o2", "a2", "cpus:8;mem:8192"), offer("o3", "a3", "cpus:8;mem:8192"));

    PlacementPlan plan = spreading.plan(tasks("web", 6, "cpus:0.5;mem:256"), Candidate.fromOffers(offers), RunningTasks.NONE);

    assertThat(plan.waiting()).isEmpty();
    assertThat(perAgent(plan)).containsOnly(Map.entry("a1", 2L), Map.entry("a2", 2L), Map.entry("a3", 2L));
    assertThat(plan.unusedOffers()).isEmpty();
  }

  @Test
  void spreadingCountsWhatAlreadyRunsAndPrefersTheLeastBusyAgentOnATie() {
    TaskTally running = new TaskTally();
    running.put(TaskId.of("web-old-1"), "web", site("a1"));
    running.put(TaskId.of("web-old-2"), "web", site("a2"));
    running.put(TaskId.of("batch-1"), "batch", site("a2"));
    List<Offer> offers = List.of(offer("o1", "a1", "cpus:8"), offer("o2", "a2", "cpus:8"), offer("o3", "a3", "cpus:8"));

    PlacementPlan plan = spreading.plan(tasks("web", 2, "cpus:1"), Candidate.fromOffers(offers), running);

    assertThat(plan.placed()).extracting(p -> p.agentId().value()).containsExactly("a3", "a1");
    assertThat(running.size()).as("the plan leaves the running tasks alone").isEqualTo(3);
  }

  @Test
  void placesSeveralTasksOnOneOfferUntilItIsFullAndSaysWhyTheRestWait() {
    List<Offer> offers = List.of(offer("o1", "a1", "cpus:1;mem:1024"));

    PlacementPlan plan = spreading.plan(tasks("hello", 5, "cpus:0.25;mem:128"), Candidate.fromOffers(offers), RunningTasks.NONE);

    assertThat(plan.placedByOffer().get(OfferId.of("o1"))).hasSize(4);
    assertThat(plan.waiting()).hasSize(1);
    PlacementDecision.Waiting waiting = plan.waiting().get(0);
    assertThat(waiting.task().taskId()).isEqualTo(TaskId.of("hello-5"));
    assertThat(waiting.vetoes()).containsOnly(Map.entry(OfferId.of("o1"), new Veto("resources", "cpus: needs 0.25, offer has 0.0")));
    assertThat(waiting.summary()).isEqualTo("1 offer rejected: resources x1 (cpus: needs 0.25, offer has 0.0)");
  }

  @Test
  void givesTasksOnOneOfferDifferentPortsAndListsOffersLeftUnused() {
    List<Offer> offers = List.of(offer("o1", "a1", "cpus:4;ports:[31000-31003]"), offer("o2", "a2", "cpus:0.1"));
    PlacementPipeline firstFit = PlacementPipeline.builder().check(new ResourcesChecker()).build();
    List<TaskRequest> twoPortsEach = tasks("web", 2, "cpus:1").stream().map(t -> t.withPorts(2)).toList();

    PlacementPlan plan = firstFit.plan(twoPortsEach, Candidate.fromOffers(offers), RunningTasks.NONE);

    assertThat(plan.placed()).extracting(p -> p.claimed().ports()).containsExactly(Ranges.parse("31000-31001"), Ranges.parse("31002-31003"));
    assertThat(plan.placed()).allSatisfy(p -> assertThat(p.claimed().cpus()).isEqualTo(1.0));
    assertThat(plan.unusedOffers()).extracting(Offer::id).containsExactly(OfferId.of("o2"));
  }

  @Test
  void summarisesTheVetoesOfEveryRejectedOffer() {
    List<Candidate> candidates =
        List.of(
            Candidate.of(offer("o1", "a1", "cpus:1;mem:64")),
            reservedFor(offer("o2", "a2", "cpus:8;mem:8192"), "prod"),
            Candidate.of(offer("o3", "a3", "cpus:0.5;mem:4096")));
    TaskRequest task = request("big", "g", "cpus:2;mem:1024").withResourceRoles(Set.of("*", "dev"));

    PlacementDecision decision = spreading.place(task, candidates, RunningTasks.NONE);

    assertThat(decision).isInstanceOf(PlacementDecision.Waiting.class);
    PlacementDecision.Waiting waiting = (PlacementDecision.Waiting) decision;
    assertThat(waiting.vetoes().keySet()).containsExactly(OfferId.of("o1"), OfferId.of("o2"), OfferId.of("o3"));
    assertThat(waiting.vetoes().get(OfferId.of("o3")).reason()).isEqualTo("cpus: needs 2.0, offer has 0.5");
    assertThat(waiting.summary())
        .isEqualTo(
            "3 offers rejected: resources x2 (cpus: needs 2.0, offer has 1.0; mem: needs 1024.0, offer has 64.0); "
                + "roles x1 (offered resources are of role 'prod', task accepts [*, dev])");
    assertThat(new PlacementDecision.Waiting(task, Map.of()).summary()).isEqualTo("no offers to place it on");
  }

  @Test
  void binPackingFillsOneAgentBeforeTheNext() {
    PlacementPipeline packing = PlacementPipeline.builder().check(new ResourcesChecker()).score(new BinPackScorer(), 1).build();
    List<Offer> offers = List.of(offer("o1", "a1", "cpus:4;mem:4096"), offer("o2", "a2", "cpus:4;mem:4096"), offer("o3", "a3", "cpus:4;mem:4096"));

    PlacementPlan plan = packing.plan(tasks("web", 6, "cpus:0.5;mem:256"), Candidate.fromOffers(offers), RunningTasks.NONE);

    assertThat(perAgent(plan)).containsOnly(Map.entry("a1", 6L));
    assertThat(plan.unusedOffers()).extracting(o -> o.agentId().value()).containsExactly("a2", "a3");
  }

  @Test
  void weighsScorersAndKeepsTheEarlierCandidateOnATie() {
    Scorer prefersA2 = (task, candidate, running) -> candidate.agentId().equals(AgentId.of("a2")) ? 1 : 0;
    Scorer prefersA1 = (task, candidate, running) -> candidate.agentId().equals(AgentId.of("a1")) ? 1 : 0;
    List<Candidate> candidates = Candidate.fromOffers(List.of(offer("o1", "a1", "cpus:1"), offer("o2", "a2", "cpus:1")));
    Function<PlacementPipeline, String> placedOn =
        p -> ((PlacementDecision.Placed) p.place(request("t", "g", "cpus:1"), candidates, RunningTasks.NONE)).agentId().value();

    assertThat(placedOn.apply(PlacementPipeline.builder().score(prefersA1, 1).score(prefersA2, 3).build())).isEqualTo("a2");
    assertThat(placedOn.apply(PlacementPipeline.builder().score(prefersA1, 3).score(prefersA2, 1).build())).isEqualTo("a1");
    assertThat(placedOn.apply(PlacementPipeline.builder().score(prefersA1, 1).score(prefersA2, 1).build())).isEqualTo("a1");
    assertThat(placedOn.apply(PlacementPipeline.builder().build())).isEqualTo("a1");
  }

  @Test
  void aScoreOutsideZeroToOneIsABug() {
    PlacementPipeline broken = PlacementPipeline.builder().score((task, candidate, running) -> 1.5, 1).build();

    assertThatThrownBy(() -> broken.place(request("t", "g", "cpus:1"), Candidate.fromOffers(List.of(offer("o1", "a1", "cpus:1"))), RunningTasks.NONE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("outside [0, 1]");
    assertThatThrownBy(() -> PlacementPipeline.builder().score(new SpreadScorer(), 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void runsCheckersInOrderAndStopsAtTheFirstVeto() {
    Checker alwaysNo = (task, candidate, running) -> java.util.Optional.of(new Veto("first", "no"));
    Checker mustNotRun =
        (task, candidate, running) -> {
          throw new AssertionError("a later checker ran after a veto");
        };
    PlacementPipeline pipeline = PlacementPipeline.builder().check(alwaysNo).check(mustNotRun).build();

    PlacementDecision decision = pipeline.place(request("t", "g", "cpus:1"), Candidate.fromOffers(List.of(offer("o1", "a1", "cpus:1"))), RunningTasks.NONE);

    assertThat(((PlacementDecision.Waiting) decision).vetoes()).containsOnly(Map.entry(OfferId.of("o1"), new Veto("first", "no")));
  }

  @Test
  void admitsACandidateNoCheckerVetoes() {
    Candidate roomy = Candidate.of(offer("o1", "a1", "cpus:2"));
    Candidate small = Candidate.of(offer("o2", "a2", "cpus:0.5"));

    assertThat(spreading.admits(request("t", "g", "cpus:1"), roomy, RunningTasks.NONE)).isTrue();
    assertThat(spreading.admits(request("t", "g", "cpus:1"), small, RunningTasks.NONE)).isFalse();
  }

  @Test
  void aPlanThatJudgesOnlyTheChangedAgentAgainPlacesExactlyAsOneThatJudgesAllAfresh() {
    Random random = new Random(42);
    List<Candidate> candidates = new ArrayList<>();
    TaskTally running = new TaskTally();
    for (int agent = 0; agent < 20; agent++) {
      // some agents offer twice in the batch
      for (int offer = 0; offer < 1 + random.nextInt(2); offer++) {
        candidates.add(Candidate.of(offer("o" + agent + "-" + offer, "a" + agent, "cpus:" + (1 + random.nextInt(4)) + ";mem:" + 256 * (1 + random.nextInt(16)) + ";ports:[31000-31005]")));
      }
      for (int task = 0; task < random.nextInt(4); task++) {
        running.put(TaskId.of("old-" + agent + "-" + task), "g" + random.nextInt(3), site("a" + agent));
      }
    }
    Constraint notOnA7 =
        new Constraint() {
          @Override
          public Optional<String> violation(TaskRequest task, Candidate candidate, RunningTasks tasks) {
            return candidate.agentId().equals(AgentId.of("a7")) ? Optional.of("not on a7") : Optional.empty();
          }

          @Override
          public boolean isAgentLocal() {
            return true;
          }
        };
    List<TaskRequest> tasks = new ArrayList<>();
    for (int run = 0; run < 15; run++) {
      String group = "g" + random.nextInt(3);
      String needs = "cpus:" + (0.5 + random.nextInt(3)) + ";mem:" + 128 * (1 + random.nextInt(8));
      int ports = random.nextInt(3);
      List<Constraint> constraints = random.nextBoolean() ? List.of(notOnA7) : List.of();
      for (int i = 0; i < 1 + random.nextInt(25); i++) {
        tasks.add(request("t" + run + "-" + i, group, needs).withPorts(ports).withConstraints(constraints));
      }
    }
    EvenSpread evenSpread = EvenSpread.of(Map.of("g0", 30, "g1", 30), Map.of("g0", List.of(AgentId.of("a1"), AgentId.of("a2")), "g1", List.of(AgentId.of("a3"))), running);
    List<Checker> checkers = List.of(new ResourceRolesChecker(), new ResourcesChecker(), new ConstraintChecker(), evenSpread);
    List<Scorer> scorers = List.of(new SpreadScorer(), new BinPackScorer());
    PlacementPipeline.Builder reusing = PlacementPipeline.builder();
    PlacementPipeline.Builder afresh = PlacementPipeline.builder();
    for (Checker checker : checkers) {
      reusing.check(checker);
      afresh.check(checker::check); // a lambda does not claim to be agent-local
    }
    for (Scorer scorer : scorers) {
      reusing.score(scorer, 1);
      afresh.score(scorer::score, 1);
    }

    PlacementPlan reused = reusing.build().plan(tasks, candidates, running);
    PlacementPlan fresh = afresh.build().plan(tasks, candidates, running);

    assertThat(reused.placed()).as("some tasks are placed").hasSizeGreaterThan(20);
    assertThat(reused.waiting()).as("and some wait").isNotEmpty();
    assertThat(reused.placed()).isEqualTo(fresh.placed());
    assertThat(reused.waiting()).isEqualTo(fresh.waiting());
    assertThat(reused.unusedOffers()).isEqualTo(fresh.unusedOffers());
  }

  @Test
  void leavesItsInputUnchanged() {
    List<Candidate> candidates = Candidate.fromOffers(List.of(offer("o1", "a1", "cpus:1")));

    spreading.plan(tasks("web", 2, "cpus:0.5"), candidates, RunningTasks.NONE);

    assertThat(candidates.get(0).available()).isEqualTo(Resources.parse("cpus:1"));
  }

  private static Candidate reservedFor(Offer offer, String role) {
    return new Candidate(offer, offer.resources(), role);
  }
}
