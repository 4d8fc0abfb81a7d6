package io.drover.master.offer;

import io.drover.core.AgentId;
import io.drover.core.FrameworkId;
import io.drover.core.Offer;
import io.drover.core.OfferId;
import io.drover.core.Resources;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The outstanding offers, by id, by agent and by framework. */
public final class OfferBook {
  private final Map<OfferId, Offer> byId = new HashMap<>();
  private final Map<AgentId, Set<OfferId>> byAgent = new HashMap<>();
  private final Map<FrameworkId, Set<OfferId>> byFramework = new HashMap<>();

  public void add(Offer offer) {
    if (byId.putIfAbsent(offer.id(), offer) != null) {
      throw new IllegalArgumentException("offer " + offer.id() + " is already outstanding");
    }
    byAgent.computeIfAbsent(offer.agentId(), a -> new LinkedHashSet<>()).add(offer.id());
    byFramework.computeIfAbsent(offer.frameworkId(), f -> new LinkedHashSet<>()).add(offer.id());
  }

  public Optional<Offer> get(OfferId id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Optional<Offer> remove(OfferId id) {
    Offer offer = byId.remove(id);
    if (offer == null) {
      return Optional.empty();
    }
    unindex(byAgent, offer.agentId(), id);
    unindex(byFramework, offer.frameworkId(), id);
    return Optional.of(offer);
  }

  private static <K> void unindex(Map<K, Set<OfferId>> index, K key, OfferId id) {
    Set<OfferId> ids = index.get(key);
    ids.remove(id);
    if (ids.isEmpty()) {
      index.remove(key);
    }
  }

  public List<Offer> onAgent(AgentId agentId) {
    return byAgent.getOrDefault(agentId, Set.of()).stream().map(byId::get).toList();
  }

  public List<Offer> ofFramework(FrameworkId frameworkId) {
    return byFramework.getOrDefault(frameworkId, Set.of()).stream().map(byId::get).toList();
  }

  public Resources offeredOn(AgentId agentId) {
    Resources total = Resources.EMPTY;
    for (Offer offer : onAgent(agentId)) {
      total = total.plus(offer.resources());
    }
    return total;
  }

  public int size() {
    return byId.size();
  }
}
