package io.drover.allocator;

import io.drover.core.Resources;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a full look at an agent proved: with no more than {@link #coveredFree} free on it, every (framework,
 * role) was refused it (inactive, suppressed or filtered), except the frameworks since {@link #pending}.
 *
 * <p>It stays true as long as the agent's free resources stay within {@code coveredFree} (a filter that
 * covers them covers any part of them), and a framework turns pending when its filter here expires, when
 * its eligibility grows anywhere (the allocator's {@link EligibilityLog}, read from {@link #logVersion} on)
 * and when it gives resources back here. So an allocation run asks only the pending frameworks about this
 * agent instead of every framework, which is what keeps a run over thousands of declined agents cheap.
 */
final class RefusalMemo {
  final Resources coveredFree;
  long logVersion;
  private final ExpiryHeap expiries;
  private final Set<FrameworkState> pending = new LinkedHashSet<>();

  RefusalMemo(Resources coveredFree, long logVersion, ExpiryHeap expiries) {
    this.coveredFree = coveredFree;
    this.logVersion = logVersion;
    this.expiries = expiries;
  }

  boolean covers(Resources free) {
    return free == coveredFree || coveredFree.contains(free);
  }

  void pend(FrameworkState framework) {
    pending.add(framework);
  }

  void pendAll(Collection<FrameworkState> frameworks) {
    pending.addAll(frameworks);
  }

  /** Makes the frameworks whose filters ran out by {@code now} pending. */
  void pendExpired(long now) {
    while (!expiries.isEmpty() && expiries.earliest() <= now) {
      pending.add(expiries.poll());
    }
  }

  /** The pending frameworks; the caller removes those it finds refused again. */
  Set<FrameworkState> pending() {
    return pending;
  }

  /** Records that a framework no longer pending is refused until {@code at} (its earliest filter's end). */
  void refusedUntil(FrameworkState framework, long at) {
    expiries.add(at, framework);
  }
}
