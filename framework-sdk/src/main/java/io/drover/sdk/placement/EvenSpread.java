package io.drover.sdk.placement;

import io.drover.core.AgentId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps one batch of offers from piling a group's new tasks onto the agents that happen to offer now
 * while other agents that could take them offer soon: the new tasks fill the group's agents level by
 * level (water filling), and no agent of the batch goes above the level that an even fill of all those
 * agents reaches. The level rises as those agents fill up or drop out of the peers, so nothing waits for
 * an agent that will not come.
 *
 * <p>Only an upper bound: which agent of the batch gets a task stays the scorers' choice.
 */
public final class EvenSpread implements Checker {
  /** The name of this checker's vetoes. */
  public static final String CHECKER = "EVEN_SPREAD";

  private final Map<String, Integer> levels;

  /** The levels are fixed for the batch; only the candidate's own agent counts. */
  @Override
  public boolean isAgentLocal(TaskRequest task) {
    return true;
  }

  private EvenSpread(Map<String, Integer> levels) {
    this.levels = Map.copyOf(levels);
  }

  /**
   * The levels for the groups of a batch.
   *
   * @param wanted how many new tasks of each group are to be placed
   * @param peers per group, the agents that could take its tasks: those of the batch that can and those
   *     expected to offer soon; a group without peers is not limited
   */
  public static EvenSpread of(Map<String, Integer> wanted, Map<String, ? extends Collection<AgentId>> peers, RunningTasks running) {
    Map<String, Integer> levels = new HashMap<>();
    wanted.forEach(
        (group, count) -> {
          Collection<AgentId> agents = peers.get(group);
          if (agents != null && !agents.isEmpty() && count > 0) {
            levels.put(group, level(agents.stream().mapToInt(agent -> running.count(agent, group)).toArray(), count));
          }
        });
    return new EvenSpread(levels);
  }

  /** The lowest level {@code L} at which the agents' room below it, {@code sum(max(0, L - count))}, holds {@code wanted} more tasks. */
  static int level(int[] counts, int wanted) {
    int low = 1;
    int high = wanted;
    for (int count : counts) {
      high = Math.max(high, count + wanted);
    }
    while (low < high) {
      int middle = low + (high - low) / 2;
      if (room(counts, middle) >= wanted) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return low;
  }

  private static long room(int[] counts, int level) {
    long room = 0;
    for (int count : counts) {
      room += Math.max(0, level - count);
    }
    return room;
  }

  /** The level of a group, if it is limited. */
  Optional<Integer> level(String group) {
    return Optional.ofNullable(levels.get(group));
  }

  @Override
  public Optional<Veto> check(TaskRequest task, Candidate candidate, RunningTasks running) {
    Integer level = levels.get(task.group());
    if (level == null) {
      return Optional.empty();
    }
    int here = running.count(candidate.agentId(), task.group());
    return here >= level
        ? Optional.of(new Veto(CHECKER, candidate.offer().hostname() + " already has " + here + " of the group's tasks, the most an even spread gives an agent now"))
        : Optional.empty();
  }
}
