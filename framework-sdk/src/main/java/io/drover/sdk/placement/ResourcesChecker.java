package io.drover.sdk.placement;

import io.drover.core.Ranges;
import io.drover.core.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Does the candidate still have what the task needs? Every scalar, every fixed range (such as host
 * ports) and set, and enough free ports for {@link TaskRequest#portCount}. The veto lists every
 * shortfall, e.g. {@code cpus: needs 2.0, offer has 1.0}.
 */
public final class ResourcesChecker implements Checker {
  public static final String NAME = "resources";

  @Override
  public boolean isAgentLocal(TaskRequest task) {
    return true;
  }

  @Override
  public Optional<Veto> check(TaskRequest task, Candidate candidate, RunningTasks running) {
    Resources need = task.resources();
    Resources have = candidate.available();
    List<String> shortfalls = new ArrayList<>();
    for (String name : need.scalarNames()) {
      if (have.scalarMillis(name) < need.scalarMillis(name)) {
        shortfalls.add(name + ": needs " + need.scalar(name) + ", offer has " + have.scalar(name));
      }
    }
    for (String name : need.rangeNames()) {
      if (!have.ranges(name).containsAll(need.ranges(name))) {
        shortfalls.add(name + ": needs " + need.ranges(name) + ", offer has " + have.ranges(name));
      }
    }
    for (String name : need.setNames()) {
      if (!have.set(name).containsAll(need.set(name))) {
        shortfalls.add(name + ": needs " + need.set(name) + ", offer has " + have.set(name));
      }
    }
    if (task.portCount() > 0) {
      Ranges free = task.freePorts(have);
      if (free.size() < task.portCount()) {
        shortfalls.add(Resources.PORTS + ": needs " + task.portCount() + ", offer has " + free.size());
      }
    }
    return shortfalls.isEmpty() ? Optional.empty() : Optional.of(new Veto(NAME, String.join("; ", shortfalls)));
  }
}
