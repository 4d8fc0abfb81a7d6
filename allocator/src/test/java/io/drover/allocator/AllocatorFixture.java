package io.drover.allocator;

import io.drover.allocator.sorter.SorterFactory;
import io.drover.core.AgentId;
import io.drover.core.AgentInfo;
import io.drover.core.Attributes;
import io.drover.core.Filters;
import io.drover.core.FrameworkId;
import io.drover.core.FrameworkInfo;
import io.drover.core.Resources;
import io.drover.core.allocation.AllocatorOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/** A DRF allocator on a fake clock with a capturing callback, and shorthand for the facts tests feed it. */
final class AllocatorFixture {
  final FakeClock clock = new FakeClock(Instant.parse("2030-01-01T00:00:00Z"));
  final CapturingOfferCallback offers = new CapturingOfferCallback();
  final HierarchicalAllocator allocator;

  AllocatorFixture() {
    this(SorterFactory.drf(), AllocatorOptions.DEFAULT_MIN_ALLOCATABLE);
  }

  AllocatorFixture(SorterFactory sorters, List<Resources> minAllocatable) {
    allocator = new HierarchicalAllocator(sorters, new Random(42));
    allocator.initialize(
        new AllocatorOptions(clock, AllocatorOptions.DEFAULT_INTERVAL, minAllocatable), offers);
  }

  static AgentId agentId(String id) {
    return AgentId.of(id);
  }

  static FrameworkId frameworkId(String id) {
    return FrameworkId.of(id);
  }

  AgentId agent(String id, String resources) {
    return agent(id, resources, Map.of());
  }

  AgentId agent(String id, String resources, Map<FrameworkId, Resources> used) {
    Resources total = Resources.parse(resources);
    allocator.addAgent(AgentId.of(id), new AgentInfo(id + ".example", 5051, total, Attributes.NONE, Set.of()), total, used);
    return AgentId.of(id);
  }

  FrameworkId framework(String id, String... roles) {
    return framework(id, Map.of(), roles);
  }

  FrameworkId framework(String id, Map<AgentId, Resources> used, String... roles) {
    FrameworkId frameworkId = FrameworkId.of(id);
    allocator.addFramework(frameworkId, FrameworkInfo.named(id, roles).withId(frameworkId), used, true);
    return frameworkId;
  }

  /** Runs one allocation and returns what it offered. */
  List<CapturingOfferCallback.Offered> allocate() {
    allocator.allocate();
    return offers.take();
  }

  void decline(FrameworkId framework, AgentId agent, Resources resources, Duration refuse) {
    allocator.recoverResources(framework, agent, resources, Optional.of(new Filters(refuse)));
  }

  void giveBack(FrameworkId framework, AgentId agent, Resources resources) {
    allocator.recoverResources(framework, agent, resources, Optional.empty());
  }

  double share(FrameworkId framework) {
    return allocator.snapshot().frameworkDominantShares().get(framework);
  }

  double roleShare(String role) {
    return allocator.snapshot().roleDominantShares().get(role);
  }
}
