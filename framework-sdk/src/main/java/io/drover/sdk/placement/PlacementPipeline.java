package io.drover.sdk.placement;

import io.drover.core.AgentId;
import io.drover.core.OfferId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides where tasks go: each candidate offer passes the checkers (in the order given, so cheap ones
 * should come first; the first veto ends a candidate's turn) and the survivors are scored by the
 * weighted mean of the scorers; the highest score wins, the earlier candidate on a tie. Pure: nothing
 * given to it is changed, and the same input gives the same decision.
 */
public final class PlacementPipeline {
  private record WeightedScorer(Scorer scorer, double weight) {}

  private final List<Checker> checkers;
  private final List<WeightedScorer> scorers;
  private final double totalWeight;

  private PlacementPipeline(List<Checker> checkers, List<WeightedScorer> scorers) {
    this.checkers = List.copyOf(checkers);
    this.scorers = List.copyOf(scorers);
    this.totalWeight = scorers.stream().mapToDouble(WeightedScorer::weight).sum();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Resource roles, resources and the task's constraints as checkers; spreading as the only scorer. */
  public static PlacementPipeline spreading() {
    return builder().check(new ResourceRolesChecker()).check(new ResourcesChecker()).check(new ConstraintChecker()).score(new SpreadScorer(), 1).build();
  }

  /** Places one task on the best of {@code candidates}, or says why it cannot. */
  public PlacementDecision place(TaskRequest task, List<Candidate> candidates, RunningTasks running) {
    return new Verdicts(task, candidates, running).decide(task, candidates);
  }

  /** Whether no checker vetoes the task on the candidate. */
  public boolean admits(TaskRequest task, Candidate candidate, RunningTasks running) {
    return firstVeto(task, candidate, running).isEmpty();
  }

  /**
   * Places {@code tasks} in order on {@code candidates}: each placed task takes its share of its offer
   * and counts as running for the tasks after it, so several tasks can share an offer and spreading
   * sees the batch's own placements.
   *
   * <p>A run of tasks with the same needs (an app's instances) is judged once: when every checker and
   * scorer is {@linkplain Checker#isAgentLocal agent-local}, a placement changes only the verdicts on
   * its own agent's candidates, so only those are judged again for the next task of the run.
   */
  public PlacementPlan plan(List<TaskRequest> tasks, List<Candidate> candidates, RunningTasks running) {
    List<Candidate> remaining = new ArrayList<>(candidates);
    Map<OfferId, Integer> positions = new HashMap<>();
    Map<AgentId, List<Integer>> positionsByAgent = new HashMap<>();
    for (int i = 0; i < remaining.size(); i++) {
      positions.putIfAbsent(remaining.get(i).offer().id(), i);
      positionsByAgent.computeIfAbsent(remaining.get(i).agentId(), a -> new ArrayList<>()).add(i);
    }
    PlannedTasks planned = new PlannedTasks(running);
    List<PlacementDecision.Placed> placed = new ArrayList<>();
    List<PlacementDecision.Waiting> waiting = new ArrayList<>();
    Verdicts verdicts = null;
    AgentId changed = null;
    for (TaskRequest task : tasks) {
      if (verdicts != null && verdicts.holdFor(task)) {
        if (changed != null) {
          for (int i : positionsByAgent.get(changed)) {
            verdicts.judge(i, task, remaining.get(i), planned);
          }
        }
      } else {
        verdicts = new Verdicts(task, remaining, planned);
      }
      changed = null;
      PlacementDecision decision = verdicts.decide(task, remaining);
      if (decision instanceof PlacementDecision.Placed p) {
        int position = positions.get(p.offerId());
        remaining.set(position, p.candidate().minus(p.claimed()));
        planned.add(task.group(), p.candidate().site());
        placed.add(p);
        changed = p.candidate().agentId();
      } else if (decision instanceof PlacementDecision.Waiting w) {
        waiting.add(w);
      }
    }
    Set<OfferId> used = placed.stream().map(PlacementDecision.Placed::offerId).collect(Collectors.toSet());
    return new PlacementPlan(
        placed,
        waiting,
        candidates.stream().map(Candidate::offer).filter(o -> !used.contains(o.id())).distinct().toList());
  }

  /** The verdict of the checkers and scorers on each candidate for one task's needs. */
  private final class Verdicts {
    private final TaskRequest needs;
    private final boolean agentLocal;
    /** Per candidate, its veto, or null if it is admitted and then scored. */
    private final Veto[] vetoes;
    private final double[] scores;

    Verdicts(TaskRequest task, List<Candidate> candidates, RunningTasks running) {
      this.needs = task;
      this.agentLocal = checkers.stream().allMatch(c -> c.isAgentLocal(task)) && scorers.stream().allMatch(s -> s.scorer().isAgentLocal());
      this.vetoes = new Veto[candidates.size()];
      this.scores = new double[candidates.size()];
      for (int i = 0; i < candidates.size(); i++) {
        judge(i, task, candidates.get(i), running);
      }
    }

    /** Whether these verdicts still hold for {@code task} but on the agent that changed since. */
    boolean holdFor(TaskRequest task) {
      return agentLocal
          && task.group().equals(needs.group())
          && task.resources().equals(needs.resources())
          && task.portCount() == needs.portCount()
          && task.resourceRoles().equals(needs.resourceRoles())
          && task.constraints().equals(needs.constraints());
    }

    void judge(int position, TaskRequest task, Candidate candidate, RunningTasks running) {
      vetoes[position] = firstVeto(task, candidate, running).orElse(null);
      scores[position] = vetoes[position] == null ? score(task, candidate, running) : -1;
    }

    /** The highest score wins, the earlier candidate on a tie. */
    PlacementDecision decide(TaskRequest task, List<Candidate> candidates) {
      int best = -1;
      for (int i = 0; i < candidates.size(); i++) {
        if (vetoes[i] == null && (best < 0 || scores[i] > scores[best])) {
          best = i;
        }
      }
      if (best < 0) {
        Map<OfferId, Veto> byOffer = new LinkedHashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
          byOffer.put(candidates.get(i).offer().id(), vetoes[i]);
        }
        return new PlacementDecision.Waiting(task, byOffer);
      }
      Candidate winner = candidates.get(best);
      return new PlacementDecision.Placed(task, winner, task.claim(winner.available()), scores[best]);
    }
  }

  private Optional<Veto> firstVeto(TaskRequest task, Candidate candidate, RunningTasks running) {
    for (Checker checker : checkers) {
      Optional<Veto> veto = checker.check(task, candidate, running);
      if (veto.isPresent()) {
        return veto;
      }
    }
    return Optional.empty();
  }

  private double score(TaskRequest task, Candidate candidate, RunningTasks running) {
    if (scorers.isEmpty()) {
      return 1;
    }
    double sum = 0;
    for (WeightedScorer ws : scorers) {
      double s = ws.scorer().score(task, candidate, running);
      if (!(s >= 0 && s <= 1)) {
        throw new IllegalStateException(ws.scorer().getClass().getSimpleName() + " scored " + s + ", outside [0, 1]");
      }
      sum += ws.weight() * s;
    }
    return sum / totalWeight;
  }

  /** Composes a pipeline; checkers run in the order added. */
  public static final class Builder {
    private final List<Checker> checkers = new ArrayList<>();
    private final List<WeightedScorer> scorers = new ArrayList<>();

    private Builder() {}

    public Builder check(Checker checker) {
      checkers.add(Objects.requireNonNull(checker, "checker"));
      return this;
    }

    /** Adds a scorer; its weight is relative to the other scorers' (> 0). */
    public Builder score(Scorer scorer, double weight) {
      if (!(weight > 0) || Double.isInfinite(weight)) {
        throw new IllegalArgumentException("a scorer's weight must be a finite number > 0, not " + weight);
      }
      scorers.add(new WeightedScorer(Objects.requireNonNull(scorer, "scorer"), weight));
      return this;
    }

    public PlacementPipeline build() {
      return new PlacementPipeline(checkers, scorers);
    }
  }
}
