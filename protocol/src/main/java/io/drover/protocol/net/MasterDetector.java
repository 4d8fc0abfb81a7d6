package io.drover.protocol.net;

import io.drover.core.MasterInfo;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the leading master: watches {@code <root>/master/leader} and tells listeners whenever the
 * leader changes (or goes away).
 */
public final class MasterDetector implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MasterDetector.class);

  private final String leaderPath;
  private final CuratorCache cache;
  private final CopyOnWriteArrayList<Consumer<Optional<MasterInfo>>> listeners = new CopyOnWriteArrayList<>();
  private volatile Optional<MasterInfo> current = Optional.empty();

  public MasterDetector(CuratorFramework client, ZkUrl url) {
    this.leaderPath = url.path("master", "leader");
    this.cache = CuratorCache.build(client, leaderPath, CuratorCache.Options.SINGLE_NODE_CACHE);
    cache.listenable().addListener(CuratorCacheListener.builder().forAll((type, oldData, data) -> refresh()).build());
  }

  public static String leaderPath(ZkUrl url) {
    return url.path("master", "leader");
  }

  public void start() {
    cache.start();
  }

  public Optional<MasterInfo> current() {
    return current;
  }

  /** Called with the new leader (empty: none) on every change; not called for the state at subscription. */
  public void addListener(Consumer<Optional<MasterInfo>> listener) {
    listeners.add(listener);
  }

  public void removeListener(Consumer<Optional<MasterInfo>> listener) {
    listeners.remove(listener);
  }

  private synchronized void refresh() {
    Optional<MasterInfo> next = cache.get(leaderPath).map(ChildData::getData).flatMap(MasterDetector::decode);
    if (!Objects.equals(next, current)) {
      current = next;
      LOG.info("Leading master: {}", next.map(m -> m.host() + ":" + m.protocolPort() + " (epoch " + m.epoch() + ")").orElse("none"));
      listeners.forEach(l -> l.accept(next));
    }
  }

  private static Optional<MasterInfo> decode(byte[] data) {
    try {
      return data == null || data.length == 0 ? Optional.empty() : Optional.of(MasterInfoJson.read(data));
    } catch (IOException e) {
      LOG.warn("Leader znode holds unreadable MasterInfo: {}", e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    cache.close();
  }
}
