package io.drover.sdk.placement;

import io.drover.core.AgentId;
import io.drover.core.OfferId;
import io.drover.core.Resources;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where a task goes, or why it still waits. */
public sealed interface PlacementDecision permits PlacementDecision.Placed, PlacementDecision.Waiting {
  TaskRequest task();

  /** The task goes on {@code candidate}'s offer and takes {@code claimed} from it (ports picked). */
  record Placed(TaskRequest task, Candidate candidate, Resources claimed, double score) implements PlacementDecision {
    public AgentId agentId() {
      return candidate.agentId();
    }

    public OfferId offerId() {
      return candidate.offer().id();
    }
  }

  /** No candidate passed every checker; {@code vetoes} says, per rejected offer, which one said no and why. */
  record Waiting(TaskRequest task, Map<OfferId, Veto> vetoes) implements PlacementDecision {
    public Waiting {
      vetoes = Collections.unmodifiableMap(new LinkedHashMap<>(vetoes));
    }

    /**
     * One line for a user: how many offers each checker rejected, with the first reason as an example,
     * e.g. {@code 3 offers rejected: resources x2 (cpus: needs 2.0, offer has 1.0); roles x1 (...)}.
     */
    public String summary() {
      if (vetoes.isEmpty()) {
        return "no offers to place it on";
      }
      Map<String, List<Veto>> byChecker = new LinkedHashMap<>();
      vetoes.values().forEach(v -> byChecker.computeIfAbsent(v.checker(), c -> new ArrayList<>()).add(v));
      List<String> parts = new ArrayList<>();
      byChecker.forEach((checker, list) -> parts.add(checker + " x" + list.size() + " (" + list.get(0).reason() + ")"));
      return vetoes.size() + (vetoes.size() == 1 ? " offer" : " offers") + " rejected: " + String.join("; ", parts);
    }
  }
}
