package io.drover.sdk.placement;

import io.drover.core.AgentId;
import io.drover.core.Attributes;
import io.drover.core.FrameworkId;
import io.drover.core.Offer;
import io.drover.core.OfferId;
import io.drover.core.Resources;
import io.drover.core.TaskId;

/** Offers and requests for placement tests. */
final class TestOffers {
  private TestOffers() {}

  /** An offer of {@code resources} (Mesos text form) on agent {@code agent} (host {@code agent}.local). */
  static Offer offer(String id, String agent, String resources) {
    return new Offer(
        OfferId.of(id), FrameworkId.of("fw-1"), AgentId.of(agent), agent + ".local", Resources.parse(resources), Attributes.NONE);
  }

  static TaskRequest request(String taskId, String group, String resources) {
    return TaskRequest.of(TaskId.of(taskId), group, Resources.parse(resources));
  }

  static TaskSite site(String agent) {
    return new TaskSite(AgentId.of(agent), agent + ".local", Attributes.NONE);
  }
}
