package io.drover.marathon.scheduling;

import static io.drover.marathon.scheduling.TestOffers.offer;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.core.AgentId;
import io.drover.core.Offer;
import io.drover.core.TaskId;
import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.constraint.ConstraintParser;
import io.drover.marathon.launch.OfferOutcome;
import io.drover.marathon.launch.RejectReason;
import io.drover.sdk.placement.RunningTasks;
import io.drover.sdk.placement.TaskSite;
import io.drover.sdk.placement.TaskTally;
import io.drover.core.Attributes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OfferMatcherTest {
  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

  private final AtomicLong uuids = new AtomicLong();
  private final OfferMatcher matcher = new OfferMatcher(() -> new UUID(0, uuids.incrementAndGet()), true);

  private static RunSpec web(String... constraint) {
    RunSpec.Builder b = RunSpec.builder("/web", "v1").resources(1, 128, 0, 0).cmd("serve");
    if (constraint.length > 0) {
      b.constraints(List.of(ConstraintParser.parse(List.of(constraint))));
    }
    return b.build();
  }

  private static Map<String, Long> perAgent(MatchResult result) {
    return result.launches().stream()
        .flatMap(l -> l.instances().stream())
        .collect(Collectors.groupingBy(i -> i.agentId().value(), Collectors.counting()));
  }

  @Test
  void spreadsSixInstancesTwoPerAgentOverThreeEqualAgents() {
    List<Offer> offers = List.of(offer("a1", "cpus:8;mem:8192"), offer("a2", "cpus:8;mem:8192"), offer("a3", "cpus:8;mem:8192"));

    MatchResult result = matcher.match(offers, List.of(new LaunchRequest(web(), 6)), RunningTasks.NONE, List.of(), NOW);

    assertThat(perAgent(result)).containsOnly(Map.entry("a1", 2L), Map.entry("a2", 2L), Map.entry("a3", 2L));
    assertThat(result.unusedOffers()).isEmpty();
    assertThat(result.outcomesByApp().get("/web")).extracting(OfferOutcome::rejection).allMatch(r -> r.isEmpty());
  }

  @Test
  void spreadingCountsTheInstancesAlreadyRunning() {
    TaskTally running = new TaskTally();
    running.put(TaskId.of("web.old-1"), "/web", new TaskSite(AgentId.of("a1"), "a1", Attributes.NONE));
    running.put(TaskId.of("web.old-2"), "/web", new TaskSite(AgentId.of("a1"), "a1", Attributes.NONE));
    running.put(TaskId.of("db.1"), "/db", new TaskSite(AgentId.of("a2"), "a2", Attributes.NONE));
    List<Offer> offers = List.of(offer("a1", "cpus:8;mem:8192"), offer("a2", "cpus:8;mem:8192"), offer("a3", "cpus:8;mem:8192"));

    MatchResult result = matcher.match(offers, List.of(new LaunchRequest(web(), 2)), running, List.of(), NOW);

    assertThat(perAgent(result)).containsOnly(Map.entry("a2", 1L), Map.entry("a3", 1L));
    assertThat(result.unusedOffers()).extracting(Offer::agentId).containsExactly(AgentId.of("a1"));
  }

  @Test
  void aLoneOfferTakesOnlyItsShareOfAnEvenSpreadWhileOtherAgentsOfferedLately() {
    List<Offer> peers = List.of(offer("a1", "cpus:8;mem:8192"), offer("a2", "cpus:8;mem:8192"));

    MatchResult result = matcher.match(List.of(offer("a3", "cpus:8;mem:8192")), List.of(new LaunchRequest(web(), 6)), RunningTasks.NONE, peers, NOW);

    assertThat(perAgent(result)).containsOnly(Map.entry("a3", 2L));
    assertThat(result.outcomesByApp().get("/web")).as("the offer was used, and nothing was refused").containsExactly(OfferOutcome.used(AgentId.of("a3")));
  }

  @Test
  void peersThatCouldNotTakeTheAppLeaveTheBatchFreeToTakeItAll() {
    List<Offer> peers = List.of(offer("a1", "cpus:0.5;mem:8192"), offer("a2", "cpus:8;mem:8192"));

    MatchResult tooSmall = matcher.match(List.of(offer("a3", "cpus:8;mem:8192")), List.of(new LaunchRequest(web(), 4)), RunningTasks.NONE, peers.subList(0, 1), NOW);
    MatchResult constrained =
        matcher.match(List.of(offer("a3", "cpus:8;mem:8192")), List.of(new LaunchRequest(web("hostname", "LIKE", "a3"), 4)), RunningTasks.NONE, peers, NOW);

    assertThat(perAgent(tooSmall)).containsOnly(Map.entry("a3", 4L));
    assertThat(perAgent(constrained)).containsOnly(Map.entry("a3", 4L));
  }

  @Test
  void theEvenSpreadCountsWhatRunsOnThePeers() {
    TaskTally running = new TaskTally();
    running.put(TaskId.of("web.old-1"), "/web", new TaskSite(AgentId.of("a1"), "a1", Attributes.NONE));
    running.put(TaskId.of("web.old-2"), "/web", new TaskSite(AgentId.of("a1"), "a1", Attributes.NONE));

    MatchResult result = matcher.match(List.of(offer("a3", "cpus:8;mem:8192")), List.of(new LaunchRequest(web(), 4)), running, List.of(offer("a1", "cpus:8;mem:8192")), NOW);

    assertThat(perAgent(result)).as("a3 catches up with a1, then each takes one more").containsOnly(Map.entry("a3", 3L));
  }

  @Test
  void aConstraintThatCannotBeMetLeavesInstancesWaitingAndCountsTheRejections() {
    List<Offer> offers = List.of(offer("a1", "cpus:8;mem:8192"), offer("a2", "cpus:8;mem:8192"));

    MatchResult result = matcher.match(offers, List.of(new LaunchRequest(web("hostname", "UNIQUE"), 3)), RunningTasks.NONE, List.of(), NOW);

    assertThat(perAgent(result)).containsOnly(Map.entry("a1", 1L), Map.entry("a2", 1L));
    assertThat(result.outcomesByApp().get("/web")).containsExactlyInAnyOrder(OfferOutcome.used(AgentId.of("a1")), OfferOutcome.used(AgentId.of("a2")));
  }

  @Test
  void namesEachRejectionAfterTheFirstReasonInMarathonsFunnel() {
    RunSpec spec =
        RunSpec.builder("/web", "v1")
            .resources(1, 512, 100, 0)
            .cmd("serve")
            .port(PortSpec.definition(0, "", "tcp", Map.of(), false))
            .constraints(List.of(ConstraintParser.parse(List.of("rack", "IS", "r1"))))
            .build();
    List<Offer> offers =
        List.of(
            offer("wrong-rack", "cpus:8;mem:8192;disk:1000;ports:[31000-31000]", "rack:r2"),
            offer("few-cpus", "cpus:0.5;mem:100;disk:1000;ports:[31000-31000]", "rack:r1"),
            offer("little-mem", "cpus:8;mem:100;disk:1000;ports:[31000-31000]", "rack:r1"),
            offer("no-disk", "cpus:8;mem:8192;ports:[31000-31000]", "rack:r1"),
            offer("no-ports", "cpus:8;mem:8192;disk:1000", "rack:r1"),
            offer("gpus", "cpus:8;mem:8192;disk:1000;gpus:1;ports:[31000-31000]", "rack:r1"));

    MatchResult result = matcher.match(offers, List.of(new LaunchRequest(spec, 1)), RunningTasks.NONE, List.of(), NOW);

    assertThat(result.launches()).isEmpty();
    assertThat(result.unusedOffers()).hasSize(6);
    assertThat(result.outcomesByApp().get("/web"))
        .containsExactly(
            OfferOutcome.rejected(AgentId.of("wrong-rack"), RejectReason.UNFULFILLED_CONSTRAINT),
            OfferOutcome.rejected(AgentId.of("few-cpus"), RejectReason.INSUFFICIENT_CPUS),
            OfferOutcome.rejected(AgentId.of("little-mem"), RejectReason.INSUFFICIENT_MEMORY),
            OfferOutcome.rejected(AgentId.of("no-disk"), RejectReason.INSUFFICIENT_DISK),
            OfferOutcome.rejected(AgentId.of("no-ports"), RejectReason.INSUFFICIENT_PORTS),
            OfferOutcome.rejected(AgentId.of("gpus"), RejectReason.DECLINED_SCARCE_RESOURCES));
  }

  @Test
  void anAppLimitedToAnotherRoleRejectsUnreservedOffers() {
    RunSpec spec = web().toBuilder().acceptedResourceRoles(Set.of("production")).build();

    MatchResult result = matcher.match(List.of(offer("a1", "cpus:8;mem:8192")), List.of(new LaunchRequest(spec, 1)), RunningTasks.NONE, List.of(), NOW);

    assertThat(result.outcomesByApp().get("/web")).containsExactly(OfferOutcome.rejected(AgentId.of("a1"), RejectReason.UNFULFILLED_ROLE));
  }

  @Test
  void aGlobalAppGetsAtMostOneInstancePerAgent() {
    RunSpec global = web().toBuilder().labels(Map.of(AppDefinition.MODE_LABEL, AppDefinition.GLOBAL_MODE)).build();
    TaskTally running = new TaskTally();
    running.put(TaskId.of("web.old"), "/web", new TaskSite(AgentId.of("a1"), "a1", Attributes.NONE));
    List<Offer> offers = List.of(offer("a1", "cpus:8;mem:8192"), offer("a2", "cpus:8;mem:8192"), offer("a3", "cpus:8;mem:8192"));

    MatchResult result = matcher.match(offers, List.of(new LaunchRequest(global, 3)), running, List.of(), NOW);

    assertThat(perAgent(result)).containsOnly(Map.entry("a2", 1L), Map.entry("a3", 1L));
  }

  @Test
  void severalAppsShareABatchOfOffers() {
    RunSpec db = RunSpec.builder("/db", "v7").resources(4, 1024, 0, 0).cmd("db").build();
    List<Offer> offers = List.of(offer("a1", "cpus:5;mem:8192"), offer("a2", "cpus:5;mem:8192"));

    MatchResult result = matcher.match(offers, List.of(new LaunchRequest(db, 2), new LaunchRequest(web(), 2)), RunningTasks.NONE, List.of(), NOW);

    Map<String, Long> perApp = result.launches().stream().flatMap(l -> l.instances().stream()).collect(Collectors.groupingBy(i -> i.appId(), Collectors.counting()));
    assertThat(perApp).containsOnly(Map.entry("/db", 2L), Map.entry("/web", 2L));
    assertThat(result.launches()).allSatisfy(l -> assertThat(l.instances()).extracting(i -> i.appId()).containsExactlyInAnyOrder("/db", "/web"));
  }
}
