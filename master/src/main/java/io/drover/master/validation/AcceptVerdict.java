package io.drover.master.validation;

import io.drover.core.AgentId;
import io.drover.core.Offer;
import io.drover.core.Resources;
import io.drover.core.TaskInfo;
import java.util.List;
import java.util.Map;

/**
 * What to do with one Accept call: the offers it uses up, the tasks to launch, the tasks refused (each
 * with its reason) and the offered resources that go back to the allocator, per agent.
 */
public record AcceptVerdict(List<Offer> consumedOffers, List<TaskInfo> launch, List<TaskRejection> rejections, Map<AgentId, Resources> unused) {
  public AcceptVerdict {
    consumedOffers = List.copyOf(consumedOffers);
    launch = List.copyOf(launch);
    rejections = List.copyOf(rejections);
    unused = Map.copyOf(unused);
  }
}
