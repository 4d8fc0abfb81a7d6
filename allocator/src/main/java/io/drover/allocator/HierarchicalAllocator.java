package io.drover.allocator;

import io.drover.allocator.sorter.ClusterTotals;
import io.drover.allocator.sorter.HierarchicalSorter;
import io.drover.allocator.sorter.SorterFactory;
import io.drover.core.AgentId;
import io.drover.core.AgentInfo;
import io.drover.core.Filters;
import io.drover.core.FrameworkId;
import io.drover.core.FrameworkInfo;
import io.drover.core.InvalidValueException;
import io.drover.core.Resources;
import io.drover.core.Roles;
import io.drover.core.allocation.Allocator;
import io.drover.core.allocation.AllocatorOptions;
import io.drover.core.allocation.AllocatorSnapshot;
import io.drover.core.allocation.OfferCallback;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Mesos's hierarchical allocator: roles are sorted by weighted dominant share, the frameworks of each
 * role by theirs (both through the {@link SorterFactory}'s sorters), and each agent's free resources go to
 * the first (role, framework) that is active, not suppressed for the role, and not filtering the agent.
 *
 * <p>Agents are visited in a new random order each run (from the injected generator, so that runs are
 * repeatable): with a fixed order the frameworks first in line would always get the same agents, and
 * whoever declines them would keep being offered the same ones.
 *
 * <p>Rules the master can rely on:
 *
 * <ul>
 *   <li>Offered resources count as allocated until {@link #recoverResources} gives them back.
 *   <li>Resources that come without a role (tasks reported by {@link #addAgent} or {@link #addFramework})
 *       are held under the framework's first role. Those held by a framework not yet added are counted on
 *       the agent and handed to the framework when it is added.
 *   <li>A decline filter belongs to the roles the recovered resources were held under, or to all the
 *       framework's roles when it held none of them (an offer recovered twice, for instance). A later
 *       filter of the same framework, role and agent replaces the earlier one: the latest decline wins.
 *   <li>Adding a framework it already knows is a re-subscription: roles and activity are updated and
 *       {@code used} is ignored, since what the framework holds is already tracked.
 *   <li>Facts about frameworks or agents the allocator does not know are ignored: they raced with removal.
 * </ul>
 *
 * <p>Not thread-safe: the master calls it from one thread.
 */
public final class HierarchicalAllocator implements Allocator {
  private final Random random;
  private final ClusterTotals totals = new ClusterTotals();
  private final HierarchicalSorter sorter;
  private final AllocationLedger ledger;
  private final EligibilityLog eligibilityLog = new EligibilityLog();
  private final FrameworkSlots frameworkSlots = new FrameworkSlots();
  private final Map<String, FrameworkState> frameworks = new LinkedHashMap<>();
  private final Map<AgentId, AgentState> agents = new LinkedHashMap<>();
  /** For each framework not yet added, the agents where it holds resources. */
  private final Map<String, Set<AgentState>> unclaimedAgents = new HashMap<>();
  private AllocatorOptions options;
  private OfferCallback offerCallback;
  private long allocationRuns;

  /**
   * @param sorters makes the role and framework sorters ({@link SorterFactory#drf()} for fair sharing)
   * @param random orders the agents of each run
   */
  public HierarchicalAllocator(SorterFactory sorters, Random random) {
    this.random = random;
    this.sorter = new HierarchicalSorter(sorters, totals);
    this.ledger = new AllocationLedger(sorter);
  }

  @Override
  public void initialize(AllocatorOptions options, OfferCallback offerCallback) {
    this.options = options;
    this.offerCallback = offerCallback;
  }

  @Override
  public void addFramework(FrameworkId frameworkId, FrameworkInfo info, Map<AgentId, Resources> used, boolean active) {
    FrameworkState known = frameworks.get(frameworkId.value());
    if (known != null) {
      update(known, info, active);
      return;
    }
    FrameworkState framework = new FrameworkState(frameworkSlots.take(), frameworkId, info, active);
    frameworks.put(framework.key, framework);
    for (String role : framework.roles()) {
      sorter.subscribe(framework.key, role);
    }
    // What its agents reported is authoritative; the master's view fills in the other agents.
    Set<AgentState> claimed = unclaimedAgents.getOrDefault(framework.key, Set.of());
    for (AgentState agent : claimed) {
      Resources resources = agent.unclaimed.remove(framework.key);
      agent.release(resources);
      ledger.hold(agent, framework, framework.firstRole(), resources);
    }
    unclaimedAgents.remove(framework.key);
    used.forEach(
        (agentId, resources) -> {
          AgentState agent = agents.get(agentId);
          if (agent != null && !claimed.contains(agent)) {
            ledger.hold(agent, framework, framework.firstRole(), resources);
          }
        });
    if (active) {
      eligibilityLog.record(framework);
    }
  }

  /**
   * A re-subscription: new roles join the sorters, dropped ones are no longer offered (what is held under
   * them stays charged to them until it comes back).
   */
  private void update(FrameworkState framework, FrameworkInfo info, boolean active) {
    for (String role : framework.resubscribe(info.roles())) {
      sorter.unsubscribe(framework.key, role);
    }
    for (String role : framework.roles()) {
      sorter.subscribe(framework.key, role);
    }
    framework.active = active;
    eligibilityLog.record(framework);
  }

  @Override
  public void removeFramework(FrameworkId frameworkId) {
    FrameworkState framework = frameworks.remove(frameworkId.value());
    if (framework == null) {
      return;
    }
    ledger.releaseFramework(framework);
    for (String role : framework.roles()) {
      sorter.unsubscribe(framework.key, role);
    }
    framework.removed = true;
    for (AgentState agent : agents.values()) {
      agent.filters.forget(framework);
    }
    frameworkSlots.release(framework.slot);
  }

  @Override
  public void activateFramework(FrameworkId frameworkId) {
    FrameworkState framework = frameworks.get(frameworkId.value());
    if (framework != null) {
      framework.active = true;
      eligibilityLog.record(framework);
    }
  }

  @Override
  public void deactivateFramework(FrameworkId frameworkId) {
    FrameworkState framework = frameworks.get(frameworkId.value());
    if (framework != null) {
      framework.active = false;
    }
  }

  @Override
  public void addAgent(AgentId agentId, AgentInfo info, Resources total, Map<FrameworkId, Resources> used) {
    if (agents.containsKey(agentId)) {
      throw new IllegalStateException("agent " + agentId + " is already added; remove it first");
    }
    AgentState agent = new AgentState(agentId, total);
    agents.put(agentId, agent);
    totals.add(total);
    used.forEach(
        (frameworkId, resources) -> {
          FrameworkState framework = frameworks.get(frameworkId.value());
          if (framework != null) {
            ledger.hold(agent, framework, framework.firstRole(), resources);
          } else if (!resources.isEmpty()) {
            agent.allocate(resources);
            agent.unclaimed.merge(frameworkId.value(), resources, Resources::plus);
            unclaimedAgents.computeIfAbsent(frameworkId.value(), k -> new LinkedHashSet<>()).add(agent);
          }
        });
  }

  @Override
  public void removeAgent(AgentId agentId) {
    AgentState agent = agents.remove(agentId);
    if (agent == null) {
      return;
    }
    if (agent.active) {
      totals.remove(agent.total);
    }
    ledger.releaseAgent(agent);
    for (String frameworkKey : agent.unclaimed.keySet()) {
      Set<AgentState> where = unclaimedAgents.get(frameworkKey);
      where.remove(agent);
      if (where.isEmpty()) {
        unclaimedAgents.remove(frameworkKey);
      }
    }
  }

  @Override
  public void deactivateAgent(AgentId agentId) {
    AgentState agent = agents.get(agentId);
    if (agent != null && agent.active) {
      agent.active = false;
      totals.remove(agent.total);
    }
  }

  @Override
  public void activateAgent(AgentId agentId) {
    AgentState agent = agents.get(agentId);
    if (agent != null && !agent.active) {
      agent.active = true;
      totals.add(agent.total);
    }
  }

  @Override
  public void recoverResources(
      FrameworkId frameworkId, AgentId agentId, Resources resources, Optional<Filters> filters) {
    AgentState agent = agents.get(agentId);
    if (agent == null) {
      return;
    }
    FrameworkState framework = frameworks.get(frameworkId.value());
    if (framework == null) {
      releaseUnclaimed(agent, frameworkId.value(), resources);
      return;
    }
    Set<String> roles = ledger.release(agent, framework, resources);
    if (agent.memo != null) {
      // Its filter here may be about to change (the latest decline wins), so the memo must ask it again.
      agent.memo.pend(framework);
    }
    Duration refuse = filters.map(Filters::refuse).orElse(Duration.ZERO);
    if (!refuse.isZero()) {
      long expiresAt = expiry(now(), refuse);
      for (String role : roles.isEmpty() ? framework.roles() : roles) {
        agent.filters.place(role, framework, resources, expiresAt);
      }
    }
  }

  /** A task of a framework not added yet ended: its resources are free again. */
  private void releaseUnclaimed(AgentState agent, String frameworkKey, Resources resources) {
    Resources held = agent.unclaimed.get(frameworkKey);
    if (held == null) {
      return;
    }
    Resources taken = held.minus(held.minus(resources));
    agent.release(taken);
    Resources left = held.minus(taken);
    if (!left.isEmpty()) {
      agent.unclaimed.put(frameworkKey, left);
      return;
    }
    agent.unclaimed.remove(frameworkKey);
    Set<AgentState> where = unclaimedAgents.get(frameworkKey);
    where.remove(agent);
    if (where.isEmpty()) {
      unclaimedAgents.remove(frameworkKey);
    }
  }

  @Override
  public void suppressOffers(FrameworkId frameworkId, Set<String> roles) {
    FrameworkState framework = frameworks.get(frameworkId.value());
    if (framework != null) {
      framework.suppress(roles.isEmpty() ? framework.roles() : roles);
    }
  }

  @Override
  public void reviveOffers(FrameworkId frameworkId, Set<String> roles) {
    FrameworkState framework = frameworks.get(frameworkId.value());
    if (framework != null) {
      framework.revive(roles.isEmpty() ? framework.roles() : roles);
      eligibilityLog.record(framework);
    }
  }

  @Override
  public void updateWeight(String role, double weight) {
    Roles.requireValid(role);
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new InvalidValueException("weight of role '" + role + "' must be a finite number > 0, not " + weight);
    }
    sorter.updateWeight(role, weight);
  }

  @Override
  public void allocate() {
    requireInitialized();
    allocationRuns++;
    List<AgentState> order = new ArrayList<>(agents.values());
    Collections.shuffle(order, random);
    Map<OfferTarget, Map<AgentId, Resources>> offers =
        new AllocationRound(sorter, frameworks, ledger, eligibilityLog, options.minAllocatable(), now()).run(order);
    eligibilityLog.trim();
    offers.forEach(
        (target, resources) ->
            offerCallback.offer(target.frameworkId(), target.role(), Collections.unmodifiableMap(resources)));
  }

  @Override
  public AllocatorSnapshot snapshot() {
    Map<FrameworkId, Double> frameworkShares = new HashMap<>();
    for (FrameworkState framework : frameworks.values()) {
      frameworkShares.put(framework.id, totals.dominantShare(framework.allocated));
    }
    return new AllocatorSnapshot(frameworkShares, sorter.roleDominantShares(), allocationRuns);
  }

  private void requireInitialized() {
    if (options == null) {
      throw new IllegalStateException("the allocator is not initialized");
    }
  }

  private long now() {
    requireInitialized();
    Instant instant = options.clock().instant();
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
  }

  /** {@code now + refuse}, or the end of time if that is beyond what a long holds. */
  private static long expiry(long now, Duration refuse) {
    try {
      return Math.addExact(now, refuse.toNanos());
    } catch (ArithmeticException tooFar) {
      return Long.MAX_VALUE;
    }
  }
}
