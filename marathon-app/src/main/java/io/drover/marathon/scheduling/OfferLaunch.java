package io.drover.marathon.scheduling;

import io.drover.core.Offer;
import io.drover.core.Resources;
import io.drover.core.TaskInfo;
import io.drover.marathon.instance.Instance;
import java.util.List;

/** The instances to launch on one offer. */
public record OfferLaunch(Offer offer, List<PlannedInstance> planned) {
  public OfferLaunch {
    planned = List.copyOf(planned);
  }

  public List<Instance> instances() {
    return planned.stream().map(PlannedInstance::instance).toList();
  }

  public List<TaskInfo> tasks() {
    return planned.stream().map(PlannedInstance::task).toList();
  }

  /** The offer as it stands once its tasks took their resources. */
  public Offer remainder() {
    Resources left = offer.resources();
    for (PlannedInstance instance : planned) {
      left = left.minus(instance.task().resources());
    }
    return new Offer(offer.id(), offer.frameworkId(), offer.agentId(), offer.hostname(), left, offer.attributes(), offer.role());
  }
}
