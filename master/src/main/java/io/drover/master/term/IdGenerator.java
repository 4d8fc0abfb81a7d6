package io.drover.master.term;

import io.drover.core.AgentId;
import io.drover.core.FrameworkId;
import io.drover.core.OfferId;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ids made by one leadership term: {@code <epoch>-<random>-<kind><n>}. Epochs never repeat within a
 * ZooKeeper ensemble, and the random part keeps ids apart even if the ensemble's data is wiped.
 */
final class IdGenerator {
  private final String prefix;
  private long next;

  IdGenerator(long epoch) {
    this.prefix = epoch + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 28);
  }

  AgentId agentId() {
    return AgentId.of(prefix + "-A" + next++);
  }

  FrameworkId frameworkId() {
    return FrameworkId.of(prefix + "-F" + next++);
  }

  OfferId offerId() {
    return OfferId.of(prefix + "-O" + next++);
  }
}
