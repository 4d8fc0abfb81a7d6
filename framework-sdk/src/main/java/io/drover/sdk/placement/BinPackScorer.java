package io.drover.sdk.placement;

import io.drover.core.Resources;

/**
 * Prefers the candidate the task fills most (best fit), so that tasks pack onto few agents and large
 * holes stay free: the mean, over the scalars the task asks for, of its need over what is available.
 * A task that asks for no scalar scores 0 everywhere.
 */
public final class BinPackScorer implements Scorer {
  @Override
  public boolean isAgentLocal() {
    return true;
  }

  @Override
  public double score(TaskRequest task, Candidate candidate, RunningTasks running) {
    Resources need = task.resources();
    if (need.scalarNames().isEmpty()) {
      return 0;
    }
    double sum = 0;
    for (String name : need.scalarNames()) {
      long have = candidate.available().scalarMillis(name);
      sum += have <= 0 ? 1 : Math.min(1.0, (double) need.scalarMillis(name) / have);
    }
    return sum / need.scalarNames().size();
  }
}
