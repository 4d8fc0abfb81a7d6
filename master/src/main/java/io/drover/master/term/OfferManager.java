package io.drover.master.term;

import io.drover.core.AgentId;
import io.drover.core.Filters;
import io.drover.core.FrameworkId;
import io.drover.core.Offer;
import io.drover.core.OfferId;
import io.drover.core.Resources;
import io.drover.master.metrics.OfferEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the allocator's decisions into offers, sends them, and ends them: used by an Accept, declined,
 * timed out, or rescinded because their agent or framework went away. Whatever an offer held goes back
 * to the allocator unless it was used.
 */
final class OfferManager {
  private static final Logger LOG = LoggerFactory.getLogger(OfferManager.class);

  private final TermContext term;
  private final Map<OfferId, TermTimers.Timer> timeouts = new HashMap<>();

  OfferManager(TermContext term) {
    this.term = term;
  }

  /**
   * The allocator offers {@code resources} to a framework for one of its roles; sends them as offers if
   * both sides can still use them.
   */
  void allocated(FrameworkId frameworkId, String role, Map<AgentId, Resources> resources) {
    Optional<Framework> framework = term.frameworks.get(frameworkId).filter(f -> f.status() == Framework.Status.ACTIVE);
    List<Offer> made = new ArrayList<>();
    for (Map.Entry<AgentId, Resources> entry : resources.entrySet()) {
      Optional<Agent> agent = term.agents.get(entry.getKey()).filter(a -> a.status() == Agent.Status.ACTIVE);
      if (framework.isEmpty() || agent.isEmpty()) {
        // Things changed while the allocator was deciding; give the resources back.
        term.allocator.recoverResources(frameworkId, entry.getKey(), entry.getValue(), Optional.empty());
        continue;
      }
      Offer offer =
          new Offer(term.ids.offerId(), frameworkId, agent.get().id(), agent.get().info().hostname(), entry.getValue(), agent.get().info().attributes(), role);
      term.offers.add(offer);
      term.settings.offerTimeout().ifPresent(timeout -> timeouts.put(offer.id(), term.timers.schedule(timeout, () -> timedOut(offer.id()))));
      made.add(offer);
    }
    if (!made.isEmpty()) {
      framework.get().send(Events.offers(made));
      term.metrics.offers(OfferEvent.SENT, made.size());
    }
  }

  private void timedOut(OfferId id) {
    timeouts.remove(id);
    term.offers.get(id).ifPresent(offer -> rescind(offer, "offer timed out"));
  }

  /** Withdraws an offer from its framework and gives its resources back. */
  void rescind(Offer offer, String reason) {
    end(offer.id());
    LOG.debug("Rescinding offer {}: {}", offer.id(), reason);
    term.frameworks.get(offer.frameworkId()).ifPresent(f -> f.send(Events.rescind(offer.id())));
    term.allocator.recoverResources(offer.frameworkId(), offer.agentId(), offer.resources(), Optional.empty());
    term.metrics.offers(OfferEvent.RESCINDED, 1);
  }

  void rescindAllOn(AgentId agentId, String reason) {
    term.offers.onAgent(agentId).forEach(offer -> rescind(offer, reason));
  }

  void rescindAllOf(FrameworkId frameworkId, String reason) {
    term.offers.ofFramework(frameworkId).forEach(offer -> rescind(offer, reason));
  }

  /** Drops a removed framework's offers; the allocator forgets their resources with the framework. */
  void discardAllOf(FrameworkId frameworkId) {
    term.offers.ofFramework(frameworkId).forEach(offer -> end(offer.id()));
  }

  void decline(FrameworkId frameworkId, List<OfferId> ids, Filters filters) {
    for (OfferId id : ids) {
      Optional<Offer> offer = term.offers.get(id).filter(o -> o.frameworkId().equals(frameworkId));
      if (offer.isEmpty()) {
        LOG.debug("Framework {} declined offer {}, which it does not hold", frameworkId, id);
        continue;
      }
      end(id);
      term.allocator.recoverResources(frameworkId, offer.get().agentId(), offer.get().resources(), Optional.of(filters));
      term.metrics.offers(OfferEvent.DECLINED, 1);
    }
  }

  /** An Accept used these offers; what it did not use is returned by the caller. */
  void used(List<Offer> offers) {
    offers.forEach(offer -> end(offer.id()));
    term.metrics.offers(OfferEvent.ACCEPTED, offers.size());
  }

  private void end(OfferId id) {
    term.offers.remove(id);
    TermTimers.Timer timeout = timeouts.remove(id);
    if (timeout != null) {
      timeout.cancel();
    }
  }
}
