package io.drover.benchmarks;

import io.drover.allocator.HierarchicalAllocator;
import io.drover.allocator.sorter.SorterFactory;
import io.drover.core.AgentId;
import io.drover.core.AgentInfo;
import io.drover.core.Attributes;
import io.drover.core.Filters;
import io.drover.core.FrameworkId;
import io.drover.core.FrameworkInfo;
import io.drover.core.Resources;
import io.drover.core.allocation.AllocatorOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * A cluster where nobody wants anything: every agent has 24 cpus, 4096 MiB and ports 31000-32000, of
 * which 16 cpus run the tasks of a services framework that has suppressed offers; and every one of the
 * batch frameworks has declined the rest of every agent with a one-hour filter. An allocation run finds
 * nothing to offer; what it costs to find that out is what the decline benchmark measures.
 *
 * <p>The filters are installed the way a decline installs them, by recovering each agent's free resources
 * with a filter, without first offering them round by round: that would take the frameworks a thousand
 * runs to decline everything and is not what is measured.
 */
public final class DeclinedCluster {
  public static final Resources AGENT = Resources.parse("cpus:24;mem:4096;ports:[31000-32000]");
  public static final Resources RUNNING_TASKS = Resources.scalar(Resources.CPUS, 16);
  public static final FrameworkId SERVICES = FrameworkId.of("services");
  public static final Duration REFUSE = Duration.ofHours(1);

  private final HierarchicalAllocator allocator;
  private final List<AgentId> agents = new ArrayList<>();
  private final List<FrameworkId> batchFrameworks = new ArrayList<>();
  private long offered;

  private DeclinedCluster(int agentCount, int frameworkCount) {
    allocator = new HierarchicalAllocator(SorterFactory.drf(), new Random(1));
    allocator.initialize(AllocatorOptions.defaults(Clock.systemUTC()), (framework, role, resources) -> offered += resources.size());
    allocator.addFramework(SERVICES, FrameworkInfo.named("services", "services").withId(SERVICES), Map.of(), true);
    allocator.suppressOffers(SERVICES, Set.of());
    for (int i = 0; i < frameworkCount; i++) {
      FrameworkId id = FrameworkId.of("batch-" + i);
      allocator.addFramework(id, FrameworkInfo.named("batch-" + i, "batch").withId(id), Map.of(), true);
      batchFrameworks.add(id);
    }
    for (int i = 0; i < agentCount; i++) {
      AgentId id = AgentId.of("agent-" + i);
      allocator.addAgent(id, agentInfo(i), AGENT, Map.of(SERVICES, RUNNING_TASKS));
      agents.add(id);
    }
  }

  /** The cluster before anyone declined anything. */
  public static DeclinedCluster undeclined(int agentCount, int frameworkCount) {
    return new DeclinedCluster(agentCount, frameworkCount);
  }

  /** The cluster after every batch framework declined every agent. */
  public static DeclinedCluster declined(int agentCount, int frameworkCount) {
    DeclinedCluster cluster = new DeclinedCluster(agentCount, frameworkCount);
    Resources free = AGENT.minus(RUNNING_TASKS);
    Optional<Filters> filter = Optional.of(new Filters(REFUSE));
    for (AgentId agent : cluster.agents) {
      for (FrameworkId framework : cluster.batchFrameworks) {
        cluster.allocator.recoverResources(framework, agent, free, filter);
      }
    }
    return cluster;
  }

  static AgentInfo agentInfo(int i) {
    return new AgentInfo("agent-" + i + ".example", 5051, AGENT, Attributes.NONE, Set.of());
  }

  /** Runs one allocation; returns how many agents it offered. */
  public long allocate() {
    long before = offered;
    allocator.allocate();
    return offered - before;
  }

  public HierarchicalAllocator allocator() {
    return allocator;
  }

  public List<AgentId> agents() {
    return agents;
  }

  public List<FrameworkId> batchFrameworks() {
    return batchFrameworks;
  }
}
