package io.drover.allocator;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.allocator.CapturingOfferCallback.Offered;
import io.drover.allocator.sorter.SorterFactory;
import io.drover.core.AgentId;
import io.drover.core.FrameworkId;
import io.drover.core.FrameworkInfo;
import io.drover.core.Resources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OfferEligibilityTest {
  private final AllocatorFixture fixture = new AllocatorFixture();

  @Test
  void suppressStopsOffersAndReviveRestoresThem() {
    AgentId agent = fixture.agent("agent-1", "cpus:4;mem:4096");
    FrameworkId framework = fixture.framework("web", "*");
    fixture.allocator.suppressOffers(framework, Set.of());
    assertThat(fixture.allocate()).isEmpty();

    fixture.allocator.reviveOffers(framework, Set.of());

    assertThat(fixture.allocate()).containsExactly(new Offered(framework, "*", Map.of(agent, Resources.cpusMem(4, 4096))));
  }

  @Test
  void suppressingOneRoleLeavesTheOthersOffered() {
    fixture.agent("agent-1", "cpus:4;mem:4096");
    FrameworkId framework = fixture.framework("web", "blue", "green");
    fixture.allocator.suppressOffers(framework, Set.of("blue"));

    assertThat(fixture.allocate()).extracting(Offered::role).containsExactly("green");
  }

  @Test
  void suppressionHoldsAfterEveryoneElseDeclinedUntilRevive() {
    AgentId agent = fixture.agent("agent-1", "cpus:4;mem:4096");
    FrameworkId quiet = fixture.framework("quiet", "*");
    FrameworkId other = fixture.framework("other", "*");
    fixture.allocator.suppressOffers(quiet, Set.of());
    fixture.allocate();
    fixture.decline(other, agent, Resources.cpusMem(4, 4096), Duration.ofHours(1));
    assertThat(fixture.allocate()).isEmpty();

    fixture.allocator.reviveOffers(quiet, Set.of());

    assertThat(fixture.allocate()).extracting(Offered::frameworkId).containsExactly(quiet);
  }

  @Test
  void anInactiveFrameworkGetsNothingUntilActivated() {
    fixture.agent("agent-1", "cpus:4;mem:4096");
    FrameworkId framework = fixture.framework("web", "*");
    fixture.allocator.deactivateFramework(framework);
    assertThat(fixture.allocate()).isEmpty();

    fixture.allocator.activateFramework(framework);

    assertThat(fixture.allocate()).extracting(Offered::frameworkId).containsExactly(framework);
  }

  @Test
  void aFrameworkAddedInactiveGetsNothing() {
    fixture.agent("agent-1", "cpus:4;mem:4096");
    FrameworkId framework = FrameworkId.of("asleep");
    fixture.allocator.addFramework(framework, FrameworkInfo.named("asleep", "*"), Map.of(), false);

    assertThat(fixture.allocate()).isEmpty();
  }

  @Test
  void aDeactivatedAgentOffersNothingUntilActivated() {
    AgentId agent = fixture.agent("agent-1", "cpus:4;mem:4096");
    FrameworkId framework = fixture.framework("web", "*");
    fixture.allocator.deactivateAgent(agent);
    assertThat(fixture.allocate()).isEmpty();

    fixture.allocator.activateAgent(agent);

    assertThat(fixture.allocate()).extracting(Offered::frameworkId).containsExactly(framework);
  }

  @Test
  void anAgentWithLessFreeThanEveryMinimumIsNotOffered() {
    AllocatorFixture strict =
        new AllocatorFixture(SorterFactory.drf(), List.of(Resources.scalar("cpus", 1), Resources.scalar("mem", 512)));
    FrameworkId framework = strict.framework("web", "*");
    AgentId small = strict.agent("small", "cpus:0.5;mem:256;ports:[31000-31010]");
    AgentId cpuRich = strict.agent("cpu-rich", "cpus:1;mem:64");
    AgentId memRich = strict.agent("mem-rich", "cpus:0.1;mem:512");

    List<Offered> offers = strict.allocate();

    assertThat(offers).singleElement().extracting(Offered::frameworkId).isEqualTo(framework);
    assertThat(offers.get(0).resources()).containsOnlyKeys(cpuRich, memRich).doesNotContainKey(small);
  }

  @Test
  void anAgentWhoseFreeDroppedBelowTheMinimumIsNotOffered() {
    AgentId agent = fixture.agent("agent-1", "cpus:4;mem:4096");
    FrameworkId framework = fixture.framework("web", "*");
    fixture.allocate();
    fixture.giveBack(framework, agent, Resources.cpusMem(0.005, 16)); // the rest is in use

    assertThat(fixture.allocate()).isEmpty();
  }

  @Test
  void offersAreBatchedPerFrameworkAndRole() {
    AgentId first = fixture.agent("agent-1", "cpus:4;mem:4096");
    AgentId second = fixture.agent("agent-2", "cpus:4;mem:4096");
    AgentId third = fixture.agent("agent-3", "cpus:4;mem:4096");
    FrameworkId framework = fixture.framework("web", "*");

    List<Offered> offers = fixture.allocate();

    assertThat(offers).singleElement().extracting(Offered::frameworkId).isEqualTo(framework);
    assertThat(offers.get(0).resources()).containsOnlyKeys(first, second, third);
    assertThat(fixture.allocate()).as("offered resources stay allocated").isEmpty();
  }

  @Test
  void aFrameworkOfSeveralRolesCompetesInEachWithWhatItHoldsThere() {
    AgentId[] agents = new AgentId[4];
    for (int i = 0; i < agents.length; i++) {
      agents[i] = fixture.agent("agent-" + i, "cpus:4;mem:4096");
    }
    FrameworkId both = fixture.framework("both", "blue", "green");
    FrameworkId blueOnly = fixture.framework("blue-only", "blue");

    List<Offered> offers = fixture.allocate();

    // blue and green alternate by share; within blue, the two frameworks alternate too.
    assertThat(offers)
        .extracting(o -> o.frameworkId().value() + "/" + o.role() + "=" + o.resources().size())
        .containsExactlyInAnyOrder("both/blue=1", "both/green=2", "blue-only/blue=1");
    assertThat(fixture.roleShare("blue")).isEqualTo(0.5);
    assertThat(fixture.roleShare("green")).isEqualTo(0.5);
    assertThat(fixture.share(both)).isEqualTo(0.75);
    assertThat(fixture.share(blueOnly)).isEqualTo(0.25);
  }

  @Test
  void eachRunVisitsAgentsInANewOrderThatTheSeedRepeats() {
    for (int i = 0; i < 20; i++) {
      fixture.agent("agent-" + i, "cpus:1;mem:1024");
    }
    FrameworkId framework = fixture.framework("web", "*");
    AllocatorFixture twin = new AllocatorFixture();
    for (int i = 0; i < 20; i++) {
      twin.agent("agent-" + i, "cpus:1;mem:1024");
    }
    twin.framework("web", "*");
    List<List<AgentId>> orders = new ArrayList<>();
    List<List<AgentId>> twinOrders = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      orders.add(List.copyOf(fixture.allocate().get(0).resources().keySet()));
      twinOrders.add(List.copyOf(twin.allocate().get(0).resources().keySet()));
      for (AgentId agent : orders.get(run)) {
        fixture.giveBack(framework, agent, Resources.cpusMem(1, 1024));
        twin.giveBack(framework, agent, Resources.cpusMem(1, 1024));
      }
    }
    assertThat(orders).isEqualTo(twinOrders);
    assertThat(orders.get(0)).isNotEqualTo(orders.get(1)).containsExactlyInAnyOrderElementsOf(orders.get(1));
  }
}
