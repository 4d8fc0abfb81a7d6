package io.drover.master.election;

/**
 * One term of leadership. {@code epoch} is the value this leader wrote to the epoch znode and {@code
 * epochVersion} that znode's version after the write: registry writes check it, so once another master
 * has bumped the epoch, this leader's writes fail.
 */
public record Leadership(long epoch, int epochVersion) {}
