package io.drover.sdk.placement;

/**
 * Prefers the agent with the fewest tasks of the same group and, among those, the fewest tasks in all,
 * so that a group's replicas land on different agents before any agent gets a second one.
 *
 * <p>With {@code g} tasks of the group and {@code t} in all on the agent, the score lies in the band
 * {@code (1/(g+2), 1/(g+1)]}, placed within it by {@code t}: fewer of the group always wins, and the
 * total only breaks ties. An empty agent scores 1.
 */
public final class SpreadScorer implements Scorer {
  @Override
  public boolean isAgentLocal() {
    return true;
  }

  @Override
  public double score(TaskRequest task, Candidate candidate, RunningTasks running) {
    double sameGroup = running.count(candidate.agentId(), task.group());
    double total = running.total(candidate.agentId());
    double floor = 1.0 / (sameGroup + 2);
    double ceiling = 1.0 / (sameGroup + 1);
    return floor + (ceiling - floor) / (total + 1);
  }
}
