package io.drover.protocol.coordination;

/**
 * One term of leadership: {@code epoch} is the value the leader wrote to the epoch node and {@code
 * epochVersion} that node's version after the write. Writes fenced on the version fail once a successor
 * has bumped the epoch.
 */
public record ElectedTerm(long epoch, int epochVersion) {}
