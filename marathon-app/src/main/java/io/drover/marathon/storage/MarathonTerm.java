package io.drover.marathon.storage;

/**
 * One term of marathon-app leadership: {@code epoch} is the value this leader wrote to the epoch node
 * and {@code epochVersion} the node's version after that write. State writes check the version, so a
 * deposed leader's writes fail once a successor has bumped the epoch.
 */
public record MarathonTerm(long epoch, int epochVersion) {}
