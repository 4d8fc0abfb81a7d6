package io.drover.protocol.coordination;

/** Told when a participant starts and stops leading; calls come one at a time, in order. */
public interface ElectionListener {
  void elected(ElectedTerm term);

  /** Stop acting as the leader at once. */
  void deposed(String reason);
}
