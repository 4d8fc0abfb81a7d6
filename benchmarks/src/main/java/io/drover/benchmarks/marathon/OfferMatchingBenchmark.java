package io.drover.benchmarks.marathon;

import io.drover.core.AgentId;
import io.drover.core.Attributes;
import io.drover.core.FrameworkId;
import io.drover.core.Offer;
import io.drover.core.OfferId;
import io.drover.core.Resources;
import io.drover.core.TaskId;
import io.drover.marathon.scheduling.LaunchRequest;
import io.drover.marathon.scheduling.OfferMatcher;
import io.drover.marathon.scheduling.RunSpec;
import io.drover.sdk.placement.TaskSite;
import io.drover.sdk.placement.TaskTally;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * marathon-app's placement of one batch of offers: 100 apps wanting 10 new instances each on 1,000 agents
 * (8 cpus, 16 GiB) that run 10,000 tasks. {@code batchPercent} of the agents offer in the batch; the
 * others offered lately and are the apps' peers, which the batch leaves their share of an even spread
 * (at 100 there are none).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class OfferMatchingBenchmark {
  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

  @Param("1000")
  public int agents;

  @Param("100")
  public int apps;

  @Param("10")
  public int instancesPerApp;

  @Param({"100", "50"})
  public int batchPercent;

  private final AtomicLong uuids = new AtomicLong();
  private OfferMatcher matcher;
  private final List<Offer> batch = new ArrayList<>();
  private final List<Offer> peers = new ArrayList<>();
  private final List<LaunchRequest> requests = new ArrayList<>();
  private final TaskTally running = new TaskTally();

  @Setup
  public void cluster() {
    matcher = new OfferMatcher(() -> new UUID(0, uuids.incrementAndGet()), false);
    int inBatch = agents * batchPercent / 100;
    for (int i = 0; i < agents; i++) {
      Offer offer =
          new Offer(OfferId.of("o" + i), FrameworkId.of("marathon"), AgentId.of("a" + i), "host-" + i, Resources.parse("cpus:8;mem:16384;disk:10240"), Attributes.NONE);
      (i < inBatch ? batch : peers).add(offer);
      TaskSite site = new TaskSite(offer.agentId(), offer.hostname(), Attributes.NONE);
      for (int t = 0; t < 10; t++) {
        String app = "/app-" + ((i + t) % apps);
        running.put(TaskId.of("app-" + ((i + t) % apps) + ".running-" + i + "-" + t), app, site);
      }
    }
    for (int a = 0; a < apps; a++) {
      requests.add(new LaunchRequest(RunSpec.builder("/app-" + a, "v1").resources(0.1, 64, 0, 0).cmd("serve").build(), instancesPerApp));
    }
  }

  @Benchmark
  public int matchOneBatch() {
    return matcher.match(batch, requests, running, peers, NOW).launches().size();
  }
}
