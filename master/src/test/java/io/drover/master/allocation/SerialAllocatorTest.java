package io.drover.master.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.core.AgentId;
import io.drover.core.AgentInfo;
import io.drover.core.Attributes;
import io.drover.core.Filters;
import io.drover.core.FrameworkId;
import io.drover.core.FrameworkInfo;
import io.drover.core.Resources;
import io.drover.core.allocation.Allocator;
import io.drover.core.allocation.AllocatorOptions;
import io.drover.core.allocation.AllocatorSnapshot;
import io.drover.core.allocation.OfferCallback;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SerialAllocatorTest {
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountingAllocator allocator = new CountingAllocator(release);
  private final List<Duration> runs = new CopyOnWriteArrayList<>();
  private final SerialAllocator serial =
      new SerialAllocator(allocator, new AllocatorOptions(Clock.systemUTC(), Duration.ofHours(1), List.of()), (f, r, res) -> {}, runs::add);

  @AfterEach
  void stop() {
    release.countDown();
    serial.close();
  }

  @Test
  void requestsWhileARunIsQueuedMergeIntoIt() throws Exception {
    serial.start();
    // Holds the allocator thread so that everything below queues up behind it.
    serial.addAgent(AgentId.of("a1"), new AgentInfo("h", 1, Resources.cpusMem(1, 64), Attributes.NONE, Set.of()), Resources.cpusMem(1, 64), Map.of());
    await().atMost(Duration.ofSeconds(5)).until(() -> allocator.blocked);
    for (int i = 0; i < 100; i++) {
      serial.requestAllocation();
      serial.recoverResources(FrameworkId.of("f"), AgentId.of("a1"), Resources.cpusMem(0.1, 1), Optional.empty());
    }
    release.countDown();
    // The snapshot was queued after every request, so when it answers they have all been served.
    serial.snapshot().get(5, TimeUnit.SECONDS);
    assertThat(allocator.allocations.get()).isEqualTo(1);
    assertThat(allocator.recovered.get()).isEqualTo(100);
    assertThat(runs).hasSize(1);
  }

  @Test
  void aRequestDuringARunGetsARunOfItsOwn() throws Exception {
    allocator.blockOnAllocate = true;
    serial.start();
    serial.requestAllocation();
    await().atMost(Duration.ofSeconds(5)).until(() -> allocator.blocked);
    serial.requestAllocation();
    serial.requestAllocation();
    release.countDown();
    serial.snapshot().get(5, TimeUnit.SECONDS);
    assertThat(allocator.allocations.get()).isEqualTo(2);
  }

  @Test
  void aFailingFactDoesNotStopTheAllocator() throws Exception {
    release.countDown();
    serial.start();
    serial.removeAgent(AgentId.of("boom"));
    serial.requestAllocation();
    serial.snapshot().get(5, TimeUnit.SECONDS);
    assertThat(allocator.allocations.get()).isEqualTo(1);
  }

  /** Counts calls; can hold its thread in addAgent or allocate until released. */
  private static final class CountingAllocator implements Allocator {
    final AtomicInteger allocations = new AtomicInteger();
    final AtomicInteger recovered = new AtomicInteger();
    final CountDownLatch release;
    volatile boolean blocked;
    volatile boolean blockOnAllocate;

    CountingAllocator(CountDownLatch release) {
      this.release = release;
    }

    private void hold() {
      blocked = true;
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void initialize(AllocatorOptions options, OfferCallback offerCallback) {}

    @Override
    public void addFramework(FrameworkId frameworkId, FrameworkInfo info, Map<AgentId, Resources> used, boolean active) {}

    @Override
    public void removeFramework(FrameworkId frameworkId) {}

    @Override
    public void activateFramework(FrameworkId frameworkId) {}

    @Override
    public void deactivateFramework(FrameworkId frameworkId) {}

    @Override
    public void addAgent(AgentId agentId, AgentInfo info, Resources total, Map<FrameworkId, Resources> used) {
      hold();
    }

    @Override
    public void removeAgent(AgentId agentId) {
      throw new IllegalStateException("no such agent " + agentId);
    }

    @Override
    public void deactivateAgent(AgentId agentId) {}

    @Override
    public void activateAgent(AgentId agentId) {}

    @Override
    public void recoverResources(FrameworkId frameworkId, AgentId agentId, Resources resources, Optional<Filters> filters) {
      recovered.incrementAndGet();
    }

    @Override
    public void suppressOffers(FrameworkId frameworkId, Set<String> roles) {}

    @Override
    public void reviveOffers(FrameworkId frameworkId, Set<String> roles) {}

    @Override
    public void updateWeight(String role, double weight) {}

    @Override
    public void allocate() {
      if (blockOnAllocate && allocations.get() == 0) {
        allocations.incrementAndGet();
        hold();
        return;
      }
      allocations.incrementAndGet();
    }

    @Override
    public AllocatorSnapshot snapshot() {
      return new AllocatorSnapshot(Map.of(), Map.of(), allocations.get());
    }
  }
}
