package io.drover.allocator;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.allocator.CapturingOfferCallback.Offered;
import io.drover.core.AgentId;
import io.drover.core.FrameworkId;
import io.drover.core.Resources;
import io.drover.core.allocation.AllocatorOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Feeds the allocator random facts and checks after every run, against a plain model of the rules, that
 * it offered only what was free to frameworks that may have it, and that every agent it left alone was
 * refused by every framework. The second check is what catches a stale refusal memo.
 */
class AllocationInvariantsTest {
  private static final Resources AGENT = Resources.parse("cpus:4;mem:4096;ports:[31000-31009]");
  private static final Resources TASK = Resources.parse("cpus:1;mem:512;ports:[31000-31001]");
  private static final List<Duration> REFUSALS =
      List.of(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofHours(1));

  private final AllocatorFixture fixture = new AllocatorFixture();
  private final Map<AgentId, Boolean> agentsActive = new LinkedHashMap<>();
  private final Map<FrameworkId, FrameworkModel> frameworks = new LinkedHashMap<>();
  private final Map<AgentId, Map<FrameworkId, Resources>> held = new HashMap<>();
  private int nextAgent;
  private int nextFramework;

  private static final class FrameworkModel {
    boolean active = true;
    boolean suppressed;
    final Map<AgentId, Filter> filters = new HashMap<>();
  }

  private record Filter(Resources refused, Instant until) {}

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
  void offersFollowTheRulesWhateverHappens(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 6; i++) {
      addAgent();
    }
    for (int i = 0; i < 4; i++) {
      addFramework(random);
    }
    for (int step = 0; step < 400; step++) {
      int action = random.nextInt(100);
      if (action < 35) {
        allocateAndCheck(random);
      } else if (action < 50) {
        fixture.clock.advance(Duration.ofMillis(random.nextInt(8_000)));
      } else if (action < 60) {
        endATask(random);
      } else if (action < 68) {
        FrameworkId id = pick(random, frameworks.keySet());
        if (id != null) {
          if (random.nextBoolean()) {
            fixture.allocator.suppressOffers(id, Set.of());
            frameworks.get(id).suppressed = true;
          } else {
            fixture.allocator.reviveOffers(id, Set.of());
            frameworks.get(id).suppressed = false;
            frameworks.get(id).filters.clear();
          }
        }
      } else if (action < 76) {
        FrameworkId id = pick(random, frameworks.keySet());
        if (id != null) {
          boolean active = random.nextBoolean();
          frameworks.get(id).active = active;
          if (active) {
            fixture.allocator.activateFramework(id);
          } else {
            fixture.allocator.deactivateFramework(id);
          }
        }
      } else if (action < 84) {
        AgentId id = pick(random, agentsActive.keySet());
        if (id != null) {
          boolean active = random.nextBoolean();
          agentsActive.put(id, active);
          if (active) {
            fixture.allocator.activateAgent(id);
          } else {
            fixture.allocator.deactivateAgent(id);
          }
        }
      } else if (action < 88) {
        addFramework(random);
      } else if (action < 91) {
        removeFramework(random);
      } else if (action < 96) {
        addAgent();
      } else {
        removeAgent(random);
      }
    }
  }

  private void allocateAndCheck(Random random) {
    List<Offered> offers = fixture.allocate();
    Set<AgentId> offered = new HashSet<>();
    for (Offered offer : offers) {
      offer.resources().forEach(
          (agent, resources) -> {
            assertThat(offered.add(agent)).as("%s offered once per run", agent).isTrue();
            assertThat(agentsActive.get(agent)).as("%s is active", agent).isTrue();
            assertThat(resources).as("offer of %s", agent).isEqualTo(free(agent));
            assertThat(eligible(offer.frameworkId(), agent, resources)).as("%s may be offered %s", offer.frameworkId(), agent).isTrue();
            held.get(agent).merge(offer.frameworkId(), resources, Resources::plus);
          });
    }
    agentsActive.forEach(
        (agent, active) -> {
          Resources free = free(agent);
          if (active && !offered.contains(agent) && allocatable(free)) {
            for (FrameworkId framework : frameworks.keySet()) {
              assertThat(eligible(framework, agent, free)).as("%s left unoffered though %s may have it", agent, framework).isFalse();
            }
          }
        });
    for (Offered offer : offers) {
      offer.resources().forEach((agent, resources) -> answer(random, offer.frameworkId(), agent, resources));
    }
  }

  /** Declines the offer (with a random filter), or launches a task and gives back the rest, or keeps it all. */
  private void answer(Random random, FrameworkId framework, AgentId agent, Resources offer) {
    int choice = random.nextInt(10);
    if (choice < 6) {
      Duration refuse = REFUSALS.get(random.nextInt(REFUSALS.size()));
      recover(framework, agent, offer);
      fixture.decline(framework, agent, offer, refuse);
      if (!refuse.isZero()) {
        frameworks.get(framework).filters.put(agent, new Filter(offer, fixture.clock.instant().plus(refuse)));
      }
    } else if (choice < 9 && offer.contains(TASK)) {
      Resources rest = offer.minus(TASK);
      recover(framework, agent, rest);
      fixture.giveBack(framework, agent, rest);
    }
  }

  private void endATask(Random random) {
    AgentId agent = pick(random, held.keySet());
    if (agent == null || held.get(agent).isEmpty()) {
      return;
    }
    FrameworkId framework = pick(random, held.get(agent).keySet());
    Resources holding = held.get(agent).get(framework);
    Resources ended = holding.contains(TASK) ? TASK : holding;
    recover(framework, agent, ended);
    fixture.giveBack(framework, agent, ended);
  }

  private void recover(FrameworkId framework, AgentId agent, Resources resources) {
    Map<FrameworkId, Resources> onAgent = held.get(agent);
    Resources left = onAgent.get(framework).minus(resources);
    if (left.isEmpty()) {
      onAgent.remove(framework);
    } else {
      onAgent.put(framework, left);
    }
  }

  private boolean eligible(FrameworkId framework, AgentId agent, Resources free) {
    FrameworkModel model = frameworks.get(framework);
    if (!model.active || model.suppressed) {
      return false;
    }
    Filter filter = model.filters.get(agent);
    return filter == null || !fixture.clock.instant().isBefore(filter.until()) || !filter.refused().contains(free);
  }

  private static boolean allocatable(Resources free) {
    return !free.isEmpty() && AllocatorOptions.DEFAULT_MIN_ALLOCATABLE.stream().anyMatch(free::contains);
  }

  private Resources free(AgentId agent) {
    Resources free = AGENT;
    for (Resources resources : held.get(agent).values()) {
      free = free.minus(resources);
    }
    return free;
  }

  private void addAgent() {
    AgentId id = fixture.agent("agent-" + nextAgent++, AGENT.toString());
    agentsActive.put(id, true);
    held.put(id, new HashMap<>());
  }

  private void removeAgent(Random random) {
    AgentId id = pick(random, agentsActive.keySet());
    if (id != null) {
      fixture.allocator.removeAgent(id);
      agentsActive.remove(id);
      held.remove(id);
      frameworks.values().forEach(f -> f.filters.remove(id));
    }
  }

  private void addFramework(Random random) {
    FrameworkId id = fixture.framework("framework-" + nextFramework++, random.nextBoolean() ? "blue" : "green");
    frameworks.put(id, new FrameworkModel());
  }

  private void removeFramework(Random random) {
    FrameworkId id = pick(random, frameworks.keySet());
    if (id != null) {
      fixture.allocator.removeFramework(id);
      frameworks.remove(id);
      held.values().forEach(onAgent -> onAgent.remove(id));
    }
  }

  private static <T> T pick(Random random, Set<T> from) {
    if (from.isEmpty()) {
      return null;
    }
    return new ArrayList<>(from).get(random.nextInt(from.size()));
  }
}
