package io.drover.master.election;

/** Told when this process starts and stops leading. Calls come one at a time, in order. */
public interface LeadershipListener {
  void elected(Leadership leadership);

  /** Stop acting as the leader at once; {@code reason} says why. */
  void deposed(String reason);
}
