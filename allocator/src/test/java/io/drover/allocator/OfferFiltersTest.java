package io.drover.allocator;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.allocator.CapturingOfferCallback.Offered;
import io.drover.core.AgentId;
import io.drover.core.FrameworkId;
import io.drover.core.Resources;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OfferFiltersTest {
  private static final Resources FOUR_CPUS = Resources.parse("cpus:4;mem:4096;ports:[31000-32000]");

  private final AllocatorFixture fixture = new AllocatorFixture();
  private final AgentId agent = fixture.agent("agent-1", FOUR_CPUS.toString());

  private static Offered offerOfAll(FrameworkId framework, String role, AgentId agent) {
    return new Offered(framework, role, Map.of(agent, FOUR_CPUS));
  }

  @Test
  void aFilterHoldsUntilItExpires() {
    FrameworkId framework = fixture.framework("web", "*");
    assertThat(fixture.allocate()).containsExactly(offerOfAll(framework, "*", agent));
    fixture.decline(framework, agent, FOUR_CPUS, Duration.ofSeconds(5));

    assertThat(fixture.allocate()).isEmpty();
    fixture.clock.advance(Duration.ofMillis(4_999));
    assertThat(fixture.allocate()).isEmpty();
    fixture.clock.advance(Duration.ofMillis(1));
    assertThat(fixture.allocate()).containsExactly(offerOfAll(framework, "*", agent));
  }

  @Test
  void aZeroSecondFilterDoesNotHold() {
    FrameworkId framework = fixture.framework("web", "*");
    fixture.allocate();
    fixture.decline(framework, agent, FOUR_CPUS, Duration.ZERO);

    assertThat(fixture.allocate()).containsExactly(offerOfAll(framework, "*", agent));
  }

  @Test
  void reviveClearsFilters() {
    FrameworkId framework = fixture.framework("web", "*");
    fixture.allocate();
    fixture.decline(framework, agent, FOUR_CPUS, Duration.ofHours(1));
    assertThat(fixture.allocate()).isEmpty();

    fixture.allocator.reviveOffers(framework, Set.of());

    assertThat(fixture.allocate()).containsExactly(offerOfAll(framework, "*", agent));
  }

  @Test
  void aFilterHoldsForTheRoleTheOfferWasForAndReviveOfOneRoleClearsOnlyItsFilters() {
    FrameworkId framework = fixture.framework("web", "blue", "green");
    assertThat(fixture.allocate()).containsExactly(offerOfAll(framework, "blue", agent));
    fixture.decline(framework, agent, FOUR_CPUS, Duration.ofHours(1));
    assertThat(fixture.allocate()).containsExactly(offerOfAll(framework, "green", agent));
    fixture.decline(framework, agent, FOUR_CPUS, Duration.ofHours(1));
    assertThat(fixture.allocate()).isEmpty();

    fixture.allocator.reviveOffers(framework, Set.of("green"));

    assertThat(fixture.allocate()).containsExactly(offerOfAll(framework, "green", agent));
    fixture.decline(framework, agent, FOUR_CPUS, Duration.ofHours(1));
    assertThat(fixture.allocate()).isEmpty();
  }

  @Test
  void aFilterStopsHoldingWhenTheAgentHasMoreFreeThanWasDeclined() {
    FrameworkId framework = fixture.framework("web", "*");
    fixture.allocate();
    Resources task = Resources.cpusMem(2, 1024);
    Resources rest = FOUR_CPUS.minus(task);
    fixture.decline(framework, agent, rest, Duration.ofHours(1));
    assertThat(fixture.allocate()).isEmpty();

    fixture.giveBack(framework, agent, task); // the task ended

    assertThat(fixture.allocate()).containsExactly(offerOfAll(framework, "*", agent));
  }

  @Test
  void aFilteredFrameworkIsPassedOverForTheNextOne() {
    FrameworkId first = fixture.framework("a-first", "*");
    FrameworkId second = fixture.framework("b-second", "*");
    assertThat(fixture.allocate()).containsExactly(offerOfAll(first, "*", agent));
    fixture.decline(first, agent, FOUR_CPUS, Duration.ofMinutes(1));

    assertThat(fixture.allocate()).containsExactly(offerOfAll(second, "*", agent));
    fixture.decline(second, agent, FOUR_CPUS, Duration.ofMinutes(1));
    assertThat(fixture.allocate()).isEmpty();
  }

  @Test
  void onceEveryoneDeclinedFiltersExpireOneByOneInTheirOrder() {
    List<FrameworkId> frameworks =
        List.of(fixture.framework("a", "*"), fixture.framework("b", "*"), fixture.framework("c", "*"));
    // a declines for 30 s, b for 10 s, c for 20 s: after all three no one is offered anything.
    for (int seconds : new int[] {30, 10, 20}) {
      Offered offer = fixture.allocate().get(0);
      fixture.decline(offer.frameworkId(), agent, FOUR_CPUS, Duration.ofSeconds(seconds));
    }
    assertThat(fixture.allocate()).isEmpty();

    fixture.clock.advance(Duration.ofSeconds(10));
    assertThat(fixture.allocate()).containsExactly(offerOfAll(frameworks.get(1), "*", agent));
    fixture.decline(frameworks.get(1), agent, FOUR_CPUS, Duration.ofSeconds(100));
    assertThat(fixture.allocate()).isEmpty();

    fixture.clock.advance(Duration.ofSeconds(10));
    assertThat(fixture.allocate()).containsExactly(offerOfAll(frameworks.get(2), "*", agent));
    fixture.decline(frameworks.get(2), agent, FOUR_CPUS, Duration.ofSeconds(100));

    fixture.clock.advance(Duration.ofSeconds(10));
    assertThat(fixture.allocate()).containsExactly(offerOfAll(frameworks.get(0), "*", agent));
  }

  @Test
  void whenFiltersExpireTogetherTheLowerShareGoesFirst() {
    FrameworkId rich = fixture.framework("a-rich", "*");
    FrameworkId poor = fixture.framework("b-poor", "*");
    fixture.agent("agent-2", "cpus:1;mem:1024", Map.of(rich, Resources.cpusMem(1, 1024)));
    assertThat(fixture.allocate()).containsExactly(offerOfAll(poor, "*", agent));
    fixture.decline(poor, agent, FOUR_CPUS, Duration.ofMinutes(1));
    assertThat(fixture.allocate()).containsExactly(offerOfAll(rich, "*", agent));
    fixture.decline(rich, agent, FOUR_CPUS, Duration.ofMinutes(1));
    assertThat(fixture.allocate()).isEmpty();

    fixture.clock.advance(Duration.ofMinutes(1));

    assertThat(fixture.allocate()).containsExactly(offerOfAll(poor, "*", agent));
  }

  @Test
  void aFrameworkAddedAfterEveryoneDeclinedIsOffered() {
    FrameworkId first = fixture.framework("first", "*");
    fixture.allocate();
    fixture.decline(first, agent, FOUR_CPUS, Duration.ofHours(1));
    assertThat(fixture.allocate()).isEmpty();

    FrameworkId late = fixture.framework("late", "*");

    assertThat(fixture.allocate()).containsExactly(offerOfAll(late, "*", agent));
  }

  @Test
  void aReofferAfterAZeroSecondDeclineWorksAfterEveryoneElseDeclined() {
    FrameworkId first = fixture.framework("a-first", "*");
    FrameworkId second = fixture.framework("b-second", "*");
    fixture.allocate();
    fixture.decline(first, agent, FOUR_CPUS, Duration.ofHours(1));
    fixture.allocate();
    fixture.decline(second, agent, FOUR_CPUS, Duration.ofHours(1));
    assertThat(fixture.allocate()).isEmpty();
    fixture.allocator.reviveOffers(second, Set.of());
    assertThat(fixture.allocate()).containsExactly(offerOfAll(second, "*", agent));

    fixture.decline(second, agent, FOUR_CPUS, Duration.ZERO);

    assertThat(fixture.allocate()).containsExactly(offerOfAll(second, "*", agent));
  }

  @Test
  void theLatestDeclineReplacesTheFilter() {
    FrameworkId framework = fixture.framework("web", "*");
    fixture.allocate();
    fixture.decline(framework, agent, FOUR_CPUS, Duration.ofHours(1));
    assertThat(fixture.allocate()).isEmpty();

    // The same offer recovered again, now with a short filter: it holds nothing, the filter still counts.
    fixture.decline(framework, agent, FOUR_CPUS, Duration.ofSeconds(1));
    assertThat(fixture.allocate()).isEmpty();
    fixture.clock.advance(Duration.ofSeconds(1));

    assertThat(fixture.allocate()).containsExactly(offerOfAll(framework, "*", agent));
  }

  @Test
  void anAgentThatMissedTheTrimmedPartOfTheEligibilityLogIsLookedAtAfresh() {
    FrameworkId framework = fixture.framework("web", "*");
    fixture.allocate();
    fixture.decline(framework, agent, FOUR_CPUS, Duration.ofHours(1));
    assertThat(fixture.allocate()).isEmpty();
    fixture.allocator.deactivateAgent(agent);
    for (int i = 0; i < 5_000; i++) {
      fixture.allocator.reviveOffers(framework, Set.of());
    }
    assertThat(fixture.allocate()).isEmpty();
    fixture.allocator.activateAgent(agent);

    assertThat(fixture.allocate()).containsExactly(offerOfAll(framework, "*", agent));
  }

  @Test
  void aFrameworkAddedAfterARemovedOneDoesNotInheritItsFilters() {
    FrameworkId removed = fixture.framework("removed", "*");
    fixture.allocate();
    fixture.decline(removed, agent, FOUR_CPUS, Duration.ofHours(1));
    fixture.allocator.removeFramework(removed);

    // The new framework takes the removed one's slot in the agents' filter tables.
    FrameworkId added = fixture.framework("added", "*");

    assertThat(fixture.allocate()).containsExactly(offerOfAll(added, "*", agent));
  }
}
