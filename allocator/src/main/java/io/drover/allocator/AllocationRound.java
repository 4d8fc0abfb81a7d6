package io.drover.allocator;

import io.drover.allocator.sorter.HierarchicalSorter;
import io.drover.core.AgentId;
import io.drover.core.Resources;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One allocation run: visits the agents in the given order and offers each agent's free resources to the
 * first (role, framework) in sorted order that may have them, booking each offer before the next agent so
 * that the order accounts for it. Returns the offers grouped by (framework, role).
 *
 * <p>The sorted (role, framework) pairs are kept from one agent to the next until an offer changes the
 * order ({@link OfferOrder}). An agent that every framework refused is remembered in a {@link
 * RefusalMemo}; later runs then ask only the frameworks that could have changed their minds about it,
 * instead of every framework.
 */
final class AllocationRound {
  private final HierarchicalSorter sorter;
  private final Map<String, FrameworkState> frameworks;
  private final AllocationLedger ledger;
  private final EligibilityLog eligibilityLog;
  private final List<Resources> minAllocatable;
  private final long now;
  private final OfferOrder order;
  private final Map<OfferTarget, Map<AgentId, Resources>> offers = new LinkedHashMap<>();
  /** Scratch space of {@link #scanAll}: who refused the agent, until when. */
  private long[] refusedUntil = new long[64];
  private FrameworkState[] refusedBy = new FrameworkState[64];

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
    this.order = new OfferOrder(sorter, frameworks);
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
    int refusals = 0;
    Resources lastRefused = null;
    boolean lastRefuses = false;
    String filtersRole = null;
    RoleFilters filters = null;
    order.startLook();
    for (int i = 0; order.has(i); i++) {
      String role = order.role(i);
      FrameworkState framework = order.framework(i);
      if (!role.equals(filtersRole)) {
        filtersRole = role;
        filters = agent.filters.of(role);
      }
      Resources refused = filters == null ? null : filters.refusedInForce(framework, now);
      if (refused == null) {
        return new Choice(framework, role);
      }
      if (refused != lastRefused) {
        lastRefused = refused;
        lastRefuses = AgentFilters.refuses(refused, free);
      }
      if (!lastRefuses) {
        return new Choice(framework, role);
      }
      if (refusals == refusedUntil.length) {
        refusedUntil = Arrays.copyOf(refusedUntil, refusals * 2);
        refusedBy = Arrays.copyOf(refusedBy, refusals * 2);
      }
      refusedUntil[refusals] = filters.expiresAt(framework);
      refusedBy[refusals++] = framework;
    }
    agent.memo = new RefusalMemo(free, eligibilityLog.version(), new ExpiryHeap(refusedUntil, refusedBy, refusals));
    return null;
  }

  /**
   * Everyone but the memo's pending frameworks refuses the agent, so the best of the pending ones that may
   * have it is the best of all. Pending frameworks found refused again leave the pending set.
   */
  private Choice chooseAmongPending(AgentState agent, RefusalMemo memo, List<FrameworkState> grown, Resources free) {
    if (!grown.isEmpty()) {
      memo.pendAll(grown);
      memo.logVersion = eligibilityLog.version();
    }
    memo.pendExpired(now);
    if (memo.pending().isEmpty()) {
      return null;
    }
    Map<String, List<String>> eligibleByRole = null;
    for (Iterator<FrameworkState> it = memo.pending().iterator(); it.hasNext(); ) {
      FrameworkState framework = it.next();
      long refusedAt = Long.MAX_VALUE;
      boolean refusedWithinCover = true;
      for (String role : framework.removed ? List.<String>of() : framework.roles()) {
        if (!framework.offerable(role)) {
          continue;
        }
        RoleFilters filters = agent.filters.of(role);
        Resources refused = filters == null ? null : filters.refusedInForce(framework, now);
        if (refused != null && AgentFilters.refuses(refused, memo.coveredFree)) {
          refusedAt = Math.min(refusedAt, filters.expiresAt(framework));
          continue;
        }
        refusedWithinCover = false;
        if (refused == null || !AgentFilters.refuses(refused, free)) {
          if (eligibleByRole == null) {
            eligibleByRole = new LinkedHashMap<>();
          }
          eligibleByRole.computeIfAbsent(role, r -> new ArrayList<>()).add(framework.key);
        }
      }
      if (refusedWithinCover) {
        it.remove();
        if (refusedAt != Long.MAX_VALUE) {
          memo.refusedUntil(framework, refusedAt);
        }
      }
    }
    if (eligibleByRole == null) {
      return null;
    }
    String role = sorter.firstRole(eligibleByRole.keySet());
    return new Choice(frameworks.get(sorter.firstFramework(role, eligibleByRole.get(role))), role);
  }

  private record Choice(FrameworkState framework, String role) {}
}
