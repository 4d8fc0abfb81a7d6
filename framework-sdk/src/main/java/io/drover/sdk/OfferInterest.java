package io.drover.sdk;

import java.util.Set;
import java.util.TreeSet;

/**
 * Which of a framework's roles want offers. Kept by the driver so that suppression, and a revive asked
 * for while disconnected, can be applied again after every subscription: a new master knows nothing of
 * them.
 */
final class OfferInterest {
  /** What to send after a subscription; empty sets mean nothing to send. */
  record Reapply(Set<String> suppress, Set<String> revive) {}

  private final Set<String> frameworkRoles;
  private final Set<String> suppressed = new TreeSet<>();
  private boolean reviveOwed;

  OfferInterest(Set<String> frameworkRoles) {
    this.frameworkRoles = Set.copyOf(frameworkRoles);
  }

  synchronized void suppressed(Set<String> roles) {
    suppressed.addAll(orAll(roles));
  }

  synchronized void revived(Set<String> roles) {
    suppressed.removeAll(orAll(roles));
  }

  /** A revive could not be sent: send one after the next subscription. */
  synchronized void owesRevive() {
    reviveOwed = true;
  }

  synchronized Reapply afterSubscribe() {
    Set<String> revive = new TreeSet<>();
    if (reviveOwed) {
      revive.addAll(frameworkRoles);
      revive.removeAll(suppressed);
      reviveOwed = false;
    }
    return new Reapply(Set.copyOf(suppressed), Set.copyOf(revive));
  }

  private Set<String> orAll(Set<String> roles) {
    return roles.isEmpty() ? frameworkRoles : roles;
  }
}
