package io.drover.marathon.launch;

/**
 * Why an offer was not used for an app, with Marathon's names, in Marathon's funnel order: an offer
 * rejected for several reasons is counted under the first.
 */
public enum RejectReason {
  UNFULFILLED_ROLE("UnfulfilledRole"),
  UNFULFILLED_CONSTRAINT("UnfulfilledConstraint"),
  NO_CORRESPONDING_RESERVATION_FOUND("NoCorrespondingReservationFound"),
  AGENT_MAINTENANCE("AgentMaintenance"),
  INSUFFICIENT_CPUS("InsufficientCpus"),
  INSUFFICIENT_MEMORY("InsufficientMemory"),
  INSUFFICIENT_DISK("InsufficientDisk"),
  INSUFFICIENT_GPUS("InsufficientGpus"),
  INSUFFICIENT_PORTS("InsufficientPorts"),
  DECLINED_SCARCE_RESOURCES("DeclinedScarceResources");

  private final String marathonName;

  RejectReason(String marathonName) {
    this.marathonName = marathonName;
  }

  public String marathonName() {
    return marathonName;
  }
}
