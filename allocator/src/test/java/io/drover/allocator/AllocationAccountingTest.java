package io.drover.allocator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.drover.allocator.CapturingOfferCallback.Offered;
import io.drover.core.AgentId;
import io.drover.core.FrameworkId;
import io.drover.core.InvalidValueException;
import io.drover.core.Resources;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AllocationAccountingTest {
  private final AllocatorFixture fixture = new AllocatorFixture();

  @Test
  void removingAFrameworkReleasesWhatItHeld() {
    AgentId agent = fixture.agent("agent-1", "cpus:4;mem:4096");
    FrameworkId leaving = fixture.framework("a-leaving", "*");
    FrameworkId staying = fixture.framework("b-staying", "*");
    assertThat(fixture.allocate()).extracting(Offered::frameworkId).containsExactly(leaving);
    assertThat(fixture.roleShare("*")).isEqualTo(1.0);

    fixture.allocator.removeFramework(leaving);

    assertThat(fixture.allocator.snapshot().frameworkDominantShares()).containsOnlyKeys(staying);
    assertThat(fixture.roleShare("*")).isZero();
    assertThat(fixture.allocate()).containsExactly(new Offered(staying, "*", Map.of(agent, Resources.cpusMem(4, 4096))));
  }

  @Test
  void aRoleWithoutFrameworksLeavesTheSnapshot() {
    FrameworkId framework = fixture.framework("web", "lonely");
    assertThat(fixture.allocator.snapshot().roleDominantShares()).containsOnlyKeys("lonely");

    fixture.allocator.removeFramework(framework);

    assertThat(fixture.allocator.snapshot().roleDominantShares()).isEmpty();
  }

  @Test
  void removingAnAgentReleasesWhatWasHeldOnItAndShrinksTheCluster() {
    AgentId first = fixture.agent("agent-1", "cpus:4;mem:4096");
    fixture.agent("agent-2", "cpus:4;mem:4096");
    FrameworkId framework = fixture.framework("web", Map.of(first, Resources.cpusMem(2, 1024)), "*");
    assertThat(fixture.share(framework)).isEqualTo(0.25);

    fixture.allocator.removeAgent(first);

    assertThat(fixture.share(framework)).isZero();
    assertThat(fixture.allocate()).singleElement().satisfies(o -> assertThat(o.resources()).containsOnlyKeys(AgentId.of("agent-2")));
  }

  @Test
  void anAgentAddedWithUsedResourcesOffersOnlyTheRest() {
    FrameworkId framework = fixture.framework("web", "*");
    AgentId agent = fixture.agent("agent-1", "cpus:8;mem:8192;ports:[31000-32000]", Map.of(framework, Resources.parse("cpus:6;mem:2048;ports:[31000-31009]")));
    assertThat(fixture.share(framework)).isEqualTo(0.75);

    List<Offered> offers = fixture.allocate();

    assertThat(offers).containsExactly(new Offered(framework, "*", Map.of(agent, Resources.parse("cpus:2;mem:6144;ports:[31010-32000]"))));
  }

  @Test
  void aFrameworkAddedWithUsedResourcesIsCharged() {
    AgentId agent = fixture.agent("agent-1", "cpus:8;mem:8192");
    FrameworkId early = fixture.framework("early", Map.of(agent, Resources.cpusMem(4, 1024)), "*");

    assertThat(fixture.share(early)).isEqualTo(0.5);
    assertThat(fixture.allocate()).containsExactly(new Offered(early, "*", Map.of(agent, Resources.cpusMem(4, 7168))));
  }

  @Test
  void tasksOfAFrameworkNotYetAddedAreHeldForItAndChargedWhenItArrives() {
    FrameworkId unknown = FrameworkId.of("back-after-failover");
    AgentId agent = fixture.agent("agent-1", "cpus:8;mem:8192", Map.of(unknown, Resources.cpusMem(6, 2048)));
    FrameworkId other = fixture.framework("other", "*");
    assertThat(fixture.allocate()).containsExactly(new Offered(other, "*", Map.of(agent, Resources.cpusMem(2, 6144))));

    fixture.framework(unknown.value(), "*");

    assertThat(fixture.share(unknown)).isEqualTo(0.75);
    assertThat(fixture.share(other)).isCloseTo(0.75, within(1e-9));
  }

  @Test
  void aTaskOfAFrameworkNotYetAddedThatEndsFreesItsResources() {
    FrameworkId unknown = FrameworkId.of("gone");
    AgentId agent = fixture.agent("agent-1", "cpus:8;mem:8192", Map.of(unknown, Resources.cpusMem(6, 2048)));
    FrameworkId other = fixture.framework("other", "*");
    fixture.allocate();

    fixture.giveBack(unknown, agent, Resources.cpusMem(6, 2048));

    assertThat(fixture.allocate()).containsExactly(new Offered(other, "*", Map.of(agent, Resources.cpusMem(6, 2048))));
  }

  @Test
  void recoveringPartOfAnOfferKeepsTheRestCharged() {
    AgentId agent = fixture.agent("agent-1", "cpus:4;mem:4096");
    FrameworkId framework = fixture.framework("web", "*");
    fixture.allocate();

    fixture.giveBack(framework, agent, Resources.cpusMem(3, 3072));

    assertThat(fixture.share(framework)).isEqualTo(0.25);
    assertThat(fixture.allocate()).containsExactly(new Offered(framework, "*", Map.of(agent, Resources.cpusMem(3, 3072))));
  }

  @Test
  void recoveringMoreThanIsHeldGivesBackOnlyWhatIsHeld() {
    AgentId agent = fixture.agent("agent-1", "cpus:4;mem:4096");
    FrameworkId framework = fixture.framework("web", Map.of(agent, Resources.cpusMem(1, 1024)), "*");

    fixture.giveBack(framework, agent, Resources.cpusMem(4, 4096));

    assertThat(fixture.share(framework)).isZero();
    assertThat(fixture.allocate()).containsExactly(new Offered(framework, "*", Map.of(agent, Resources.cpusMem(4, 4096))));
  }

  @Test
  void factsAboutUnknownFrameworksAndAgentsAreIgnored() {
    FrameworkId ghost = FrameworkId.of("ghost");
    AgentId nowhere = AgentId.of("nowhere");
    fixture.allocator.removeFramework(ghost);
    fixture.allocator.removeAgent(nowhere);
    fixture.allocator.activateFramework(ghost);
    fixture.allocator.deactivateAgent(nowhere);
    fixture.giveBack(ghost, nowhere, Resources.cpusMem(1, 1));

    assertThat(fixture.allocate()).isEmpty();
  }

  @Test
  void anAgentCannotBeAddedTwice() {
    fixture.agent("agent-1", "cpus:1;mem:1024");

    assertThatThrownBy(() -> fixture.agent("agent-1", "cpus:1;mem:1024")).isInstanceOf(IllegalStateException.class).hasMessageContaining("agent-1");
  }

  @Test
  void aWeightMustBePositive() {
    assertThatThrownBy(() -> fixture.allocator.updateWeight("web", 0)).isInstanceOf(InvalidValueException.class).hasMessageContaining("> 0");
  }

  @Test
  void theSnapshotCountsRuns() {
    fixture.allocate();
    fixture.allocate();

    assertThat(fixture.allocator.snapshot().allocationRuns()).isEqualTo(2);
  }

  @Test
  void aDeactivatedAgentLeavesTheClusterTotalsThatSharesAreOf() {
    AgentId first = fixture.agent("agent-1", "cpus:4;mem:4096");
    AgentId second = fixture.agent("agent-2", "cpus:4;mem:4096");
    FrameworkId framework = fixture.framework("web", Map.of(first, Resources.cpusMem(2, 1024)), "*");
    assertThat(fixture.share(framework)).isEqualTo(0.25);

    fixture.allocator.deactivateAgent(second);

    assertThat(fixture.share(framework)).isEqualTo(0.5);
  }

  @Test
  void reSubscribingWithOtherRolesMovesOffersToTheNewRoles() {
    AgentId agent = fixture.agent("agent-1", "cpus:4;mem:4096");
    FrameworkId framework = fixture.framework("web", "old");
    fixture.allocate();
    fixture.giveBack(framework, agent, Resources.cpusMem(4, 4096));

    fixture.framework("web", "new");

    assertThat(fixture.allocate()).containsExactly(new Offered(framework, "new", Map.of(agent, Resources.cpusMem(4, 4096))));
    assertThat(fixture.allocator.snapshot().roleDominantShares()).containsOnlyKeys("new");
  }

  @Test
  void aDroppedRoleStaysChargedWithWhatIsHeldUnderItUntilItComesBack() {
    AgentId agent = fixture.agent("agent-1", "cpus:4;mem:4096");
    FrameworkId framework = fixture.framework("web", "old");
    fixture.allocate();

    fixture.framework("web", "new");

    assertThat(fixture.roleShare("old")).isEqualTo(1.0);
    assertThat(fixture.allocate()).isEmpty();
    fixture.giveBack(framework, agent, Resources.cpusMem(4, 4096));
    assertThat(fixture.allocator.snapshot().roleDominantShares()).containsOnlyKeys("new");
    assertThat(fixture.allocate()).containsExactly(new Offered(framework, "new", Map.of(agent, Resources.cpusMem(4, 4096))));
  }
}
