package io.drover.allocator;

import io.drover.allocator.sorter.HierarchicalSorter;
import io.drover.core.AgentId;
import io.drover.core.Resources;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One allocation run: visits the agents in the given order and offers each agent's free resources to the
 * first (role, framework) in sorted order that may have them, booking each offer before the next agent so
 * that the order accounts for it. Returns the offers grouped by (framework, role).
 *
 * <p>An agent that every framework refused is remembered in a {@link RefusalMemo}; later runs then ask only
 * the frameworks that could have changed their minds about it, instead of every framework.
 */
final class AllocationRound {
  private final HierarchicalSorter sorter;
  private final Map<String, FrameworkState> frameworks;
  private final AllocationLedger ledger;
  private final EligibilityLog eligibilityLog;
  private final List<Resources> minAllocatable;
  private final long now;
  private final Map<OfferTarget, Map<AgentId, Resources>> offers = new LinkedHashMap<>();

  AllocationRound(
      HierarchicalSorter sorter,
      Map<String, FrameworkState> frameworks,
      AllocationLedger ledger,
      EligibilityLog eligibilityLog,
      List<Resources> minAllocatable,
      long now) {
    this.sorter = sorter;
    this.frameworks = frameworks;
    this.ledger = ledger;
    this.eligibilityLog = eligibilityLog;
    this.minAllocatable = minAllocatable;
    this.now = now;
  }

  Map<OfferTarget, Map<AgentId, Resources>> run(Iterable<AgentState> agents) {
    for (AgentState agent : agents) {
      visit(agent);
    }
    return offers;
  }

  private void visit(AgentState agent) {
    if (!agent.active || !agent.freeHoldsOneOf(minAllocatable)) {
      return;
    }
    Resources free = agent.free();
    RefusalMemo memo = agent.memo;
    List<FrameworkState> grown = memo == null ? null : eligibilityLog.since(memo.logVersion);
    Choice choice =
        grown != null && memo.covers(free) ? chooseAmongPending(agent, memo, grown, free) : scanAll(agent, free);
    if (choice != null) {
      ledger.hold(agent, choice.framework(), choice.role(), free);
      offers
          .computeIfAbsent(new OfferTarget(choice.framework().id, choice.role()), t -> new LinkedHashMap<>())
          .put(agent.id, free);
    }
  }

  /** Walks every (role, framework) in sorted order; if all refuse the agent, remembers that. */
  private Choice scanAll(AgentState agent, Resources free) {
    agent.memo = null;
    List<RefusalMemo.Expiry> expiries = new ArrayList<>();
    for (String role : sorter.sortedRoles()) {
      for (String key : sorter.sortedFrameworks(role)) {
        FrameworkState framework = frameworks.get(key);
        if (!framework.offerable(role)) {
          continue;
        }
        OfferFilter filter = framework.liveFilter(role, agent, now);
        if (filter == null || !filter.refuses(free)) {
          return new Choice(framework, role);
        }
        expiries.add(new RefusalMemo.Expiry(filter.expiresAt(), framework));
      }
    }
    agent.memo = new RefusalMemo(free, eligibilityLog.version(), expiries);
    return null;
  }

  /**
   * Everyone but the memo's pending frameworks refuses the agent, so the best of the pending ones that may
   * have it is the best of all. Pending frameworks found refused again leave the pending set.
   */
  private Choice chooseAmongPending(AgentState agent, RefusalMemo memo, List<FrameworkState> grown, Resources free) {
    memo.pendAll(grown);
    memo.logVersion = eligibilityLog.version();
    memo.pendExpired(now);
    Map<String, List<String>> eligibleByRole = new LinkedHashMap<>();
    for (Iterator<FrameworkState> it = memo.pending().iterator(); it.hasNext(); ) {
      FrameworkState framework = it.next();
      long refusedUntil = Long.MAX_VALUE;
      boolean refusedWithinCover = true;
      for (String role : framework.removed ? List.<String>of() : framework.roles()) {
        if (!framework.offerable(role)) {
          continue;
        }
        OfferFilter filter = framework.liveFilter(role, agent, now);
        if (filter != null && filter.refuses(memo.coveredFree)) {
          refusedUntil = Math.min(refusedUntil, filter.expiresAt());
          continue;
        }
        refusedWithinCover = false;
        if (filter == null || !filter.refuses(free)) {
          eligibleByRole.computeIfAbsent(role, r -> new ArrayList<>()).add(framework.key);
        }
      }
      if (refusedWithinCover) {
        it.remove();
        if (refusedUntil != Long.MAX_VALUE) {
          memo.refusedUntil(framework, refusedUntil);
        }
      }
    }
    if (eligibleByRole.isEmpty()) {
      return null;
    }
    String role = sorter.firstRole(eligibleByRole.keySet());
    return new Choice(frameworks.get(sorter.firstFramework(role, eligibleByRole.get(role))), role);
  }

  private record Choice(FrameworkState framework, String role) {}
}
