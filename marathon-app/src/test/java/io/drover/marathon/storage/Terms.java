package io.drover.marathon.storage;

import java.nio.charset.StandardCharsets;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.data.Stat;

/** For tests that need a term without running an election: what a newly elected leader does to the epoch. */
public final class Terms {
  private Terms() {}

  /** Bumps the epoch node under {@code paths} (creating it at 0 first) and returns the term that wins. */
  public static MarathonTerm win(CuratorFramework client, MarathonPaths paths) throws Exception {
    if (client.checkExists().forPath(paths.epoch()) == null) {
      client.create().creatingParentContainersIfNeeded().forPath(paths.epoch(), "0".getBytes(StandardCharsets.UTF_8));
    }
    Stat stat = new Stat();
    long epoch = Long.parseLong(new String(client.getData().storingStatIn(stat).forPath(paths.epoch()), StandardCharsets.UTF_8)) + 1;
    Stat written = client.setData().withVersion(stat.getVersion()).forPath(paths.epoch(), Long.toString(epoch).getBytes(StandardCharsets.UTF_8));
    return new MarathonTerm(epoch, written.getVersion());
  }

  /** A new term's storage, as an elected leader opens it. */
  public static MarathonStorage openNewTerm(CuratorFramework client, MarathonPaths paths) throws Exception {
    return MarathonStorage.open(client, paths, win(client, paths), NodeCodec.DEFAULT);
  }
}
