package io.drover.sdk.placement;

import static io.drover.sdk.placement.TestOffers.offer;
import static io.drover.sdk.placement.TestOffers.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.core.Ranges;
import io.drover.core.Resources;
import org.junit.jupiter.api.Test;

class ResourcesCheckerTest {
  private final ResourcesChecker checker = new ResourcesChecker();

  private Candidate candidate(String resources) {
    return Candidate.of(offer("o1", "a1", resources));
  }

  @Test
  void passesATaskThatFits() {
    assertThat(checker.check(request("t", "g", "cpus:1;mem:128"), candidate("cpus:1;mem:256"), RunningTasks.NONE)).isEmpty();
  }

  @Test
  void vetoesAMissingScalarSayingHowMuchIsNeededAndOffered() {
    Veto veto = checker.check(request("t", "g", "cpus:2;mem:128"), candidate("cpus:1;mem:256"), RunningTasks.NONE).orElseThrow();

    assertThat(veto.checker()).isEqualTo("resources");
    assertThat(veto.reason()).isEqualTo("cpus: needs 2.0, offer has 1.0");
  }

  @Test
  void listsEveryShortfallIncludingResourcesTheOfferLacksEntirely() {
    Veto veto = checker.check(request("t", "g", "cpus:2;mem:512;gpus:1"), candidate("cpus:1;mem:256"), RunningTasks.NONE).orElseThrow();

    assertThat(veto.reason()).isEqualTo("cpus: needs 2.0, offer has 1.0; gpus: needs 1.0, offer has 0.0; mem: needs 512.0, offer has 256.0");
  }

  @Test
  void checksTheCandidatesRemainingResourcesNotTheWholeOffer() {
    Candidate halfTaken = candidate("cpus:2;mem:256").minus(Resources.parse("cpus:1.5"));

    Veto veto = checker.check(request("t", "g", "cpus:1"), halfTaken, RunningTasks.NONE).orElseThrow();

    assertThat(veto.reason()).isEqualTo("cpus: needs 1.0, offer has 0.5");
  }

  @Test
  void countsFreePortsForATaskThatAsksForSome() {
    TaskRequest threePorts = request("t", "g", "cpus:0.1").withPorts(3);

    assertThat(checker.check(threePorts, candidate("cpus:1;ports:[31000-31002]"), RunningTasks.NONE)).isEmpty();
    assertThat(checker.check(threePorts, candidate("cpus:1;ports:[31000-31000]"), RunningTasks.NONE).orElseThrow().reason())
        .isEqualTo("ports: needs 3, offer has 1");
    assertThat(checker.check(threePorts, candidate("cpus:1"), RunningTasks.NONE).orElseThrow().reason())
        .isEqualTo("ports: needs 3, offer has 0");
  }

  @Test
  void fixedPortsMustBeOfferedAndDoNotCountAsFreeOnes() {
    TaskRequest fixed = TaskRequest.of(
        io.drover.core.TaskId.of("t"),
        "g",
        Resources.builder().scalar("cpus", 0.1).ranges("ports", Ranges.parse("31000")).build());

    assertThat(checker.check(fixed, candidate("cpus:1;ports:[31000-31001]"), RunningTasks.NONE)).isEmpty();
    assertThat(checker.check(fixed, candidate("cpus:1;ports:[32000-32001]"), RunningTasks.NONE).orElseThrow().reason())
        .isEqualTo("ports: needs [31000-31000], offer has [32000-32001]");
    assertThat(checker.check(fixed.withPorts(2), candidate("cpus:1;ports:[31000-31001]"), RunningTasks.NONE).orElseThrow().reason())
        .isEqualTo("ports: needs 2, offer has 1");
  }

  @Test
  void checksSets() {
    TaskRequest wantsZoneA = request("t", "g", "zones:{a}");

    assertThat(checker.check(wantsZoneA, candidate("zones:{a,b}"), RunningTasks.NONE)).isEmpty();
    assertThat(checker.check(wantsZoneA, candidate("zones:{b}"), RunningTasks.NONE).orElseThrow().reason())
        .isEqualTo("zones: needs [a], offer has [b]");
  }
}
