package io.drover.benchmarks;

import io.drover.allocator.HierarchicalAllocator;
import io.drover.core.AgentId;
import io.drover.core.AgentInfo;
import io.drover.core.FrameworkId;
import io.drover.core.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Adding 10,000 agents, each with 16 cpus used by one of the 1,000 frameworks already added: what a new
 * leading master does when the agents re-register after a failover.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class AddAgentsBenchmark {
  @Param("10000")
  public int agents;

  @Param("1000")
  public int frameworks;

  private final List<AgentId> agentIds = new ArrayList<>();
  private final List<AgentInfo> agentInfos = new ArrayList<>();
  private final List<Map<FrameworkId, Resources>> used = new ArrayList<>();
  private HierarchicalAllocator allocator;

  @Setup(Level.Trial)
  public void describeAgents() {
    for (int i = 0; i < agents; i++) {
      agentIds.add(AgentId.of("agent-" + i));
      agentInfos.add(DeclinedCluster.agentInfo(i));
      used.add(Map.of(FrameworkId.of("batch-" + (i % frameworks)), DeclinedCluster.RUNNING_TASKS));
    }
  }

  @Setup(Level.Invocation)
  public void emptyCluster() {
    allocator = DeclinedCluster.undeclined(0, frameworks).allocator();
  }

  @Benchmark
  public HierarchicalAllocator addAgents() {
    for (int i = 0; i < agents; i++) {
      allocator.addAgent(agentIds.get(i), agentInfos.get(i), DeclinedCluster.AGENT, used.get(i));
    }
    return allocator;
  }
}
