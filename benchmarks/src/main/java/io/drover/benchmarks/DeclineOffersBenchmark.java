package io.drover.benchmarks;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One allocation run over 10,000 agents (24 cpus, 4096 MiB, ports 31000-32000, 16 cpus in use) that all
 * 1,000 frameworks have declined with a filter still in force: the run must find that there is nothing to
 * offer. Mesos's allocator tests every (agent, framework) pair for this, some 10 million filter checks.
 *
 * <p>The first run after the declines does look at every pair ({@link DeclineOffersFirstRunBenchmark}
 * measures it); the runs measured here are the ones that follow, as every run would until something
 * changes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class DeclineOffersBenchmark {
  @Param("10000")
  public int agents;

  @Param("1000")
  public int frameworks;

  private DeclinedCluster cluster;
  private long offeredWhileMeasuring;

  @Setup(Level.Trial)
  public void declineEverything() {
    cluster = DeclinedCluster.declined(agents, frameworks);
    long offered = cluster.allocate();
    if (offered != 0) {
      throw new IllegalStateException("the declined cluster offered " + offered + " agents");
    }
  }

  @Benchmark
  public long allocationRun() {
    long offered = cluster.allocate();
    offeredWhileMeasuring += offered;
    return offered;
  }

  @TearDown(Level.Trial)
  public void nothingWasOffered() {
    if (offeredWhileMeasuring != 0) {
      throw new IllegalStateException("runs offered " + offeredWhileMeasuring + " agents; the scenario is broken");
    }
  }
}
