package io.drover.allocator;

import io.drover.core.AgentId;
import io.drover.core.FrameworkId;
import io.drover.core.Resources;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Frameworks that launch one task of a fixed size from each agent they are offered and give the rest back,
 * so that the allocator decides again after every task (the DRF paper's progressive filling). An offer too
 * small for a task is declined for a minute.
 */
final class OneTaskPerOffer {
  private final AllocatorFixture fixture;
  private final Map<FrameworkId, Resources> taskSizes = new HashMap<>();
  private final Map<FrameworkId, Integer> launched = new HashMap<>();

  OneTaskPerOffer(AllocatorFixture fixture) {
    this.fixture = fixture;
  }

  OneTaskPerOffer framework(FrameworkId framework, Resources taskSize) {
    taskSizes.put(framework, taskSize);
    launched.put(framework, 0);
    return this;
  }

  /** Allocates and answers offers until an allocation offers nothing. */
  void runUntilQuiet() {
    for (int round = 0; round < 1_000; round++) {
      var offers = fixture.allocate();
      if (offers.isEmpty()) {
        return;
      }
      for (var offer : offers) {
        Resources task = taskSizes.get(offer.frameworkId());
        for (Map.Entry<AgentId, Resources> entry : offer.resources().entrySet()) {
          Resources offered = entry.getValue();
          if (offered.contains(task)) {
            launched.merge(offer.frameworkId(), 1, Integer::sum);
            fixture.giveBack(offer.frameworkId(), entry.getKey(), offered.minus(task));
          } else {
            fixture.decline(offer.frameworkId(), entry.getKey(), offered, Duration.ofMinutes(1));
          }
        }
      }
    }
    throw new AssertionError("allocation did not settle in 1000 rounds");
  }

  int launched(FrameworkId framework) {
    return launched.get(framework);
  }
}
