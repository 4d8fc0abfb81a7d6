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
 * The first allocation run after 1,000 frameworks declined all 10,000 agents of the
 * {@link DeclinedCluster}: the run that looks at every (agent, framework) pair once, finds every one
 * refused and remembers it, so that the runs {@link DeclineOffersBenchmark} measures can be cheap. The
 * allocator's one thread does nothing else meanwhile. Each iteration declines a fresh cluster and times
 * its one first run.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
@State(Scope.Thread)
public class DeclineOffersFirstRunBenchmark {
  @Param("10000")
  public int agents;

  @Param("1000")
  public int frameworks;

  private DeclinedCluster cluster;
  private long offered;

  @Setup(Level.Iteration)
  public void declineEverything() {
    cluster = null;
    cluster = DeclinedCluster.declined(agents, frameworks);
    offered = 0;
    // A real cluster's filters were placed over time and are long tenured; without this the run would
    // pay for copying the cluster just built out of the young generation.
    System.gc();
  }

  @Benchmark
  public long firstRun() {
    offered = cluster.allocate();
    return offered;
  }

  @TearDown(Level.Iteration)
  public void nothingWasOffered() {
    if (offered != 0) {
      throw new IllegalStateException("the first run offered " + offered + " agents; the scenario is broken");
    }
  }
}
