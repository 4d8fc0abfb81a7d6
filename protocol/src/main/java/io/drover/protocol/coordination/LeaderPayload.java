package io.drover.protocol.coordination;

/** What a leader publishes in the leader node for the epoch it has won. */
@FunctionalInterface
public interface LeaderPayload {
  byte[] forEpoch(long epoch) throws Exception;
}
