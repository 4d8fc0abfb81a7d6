package io.drover.dist;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/** A single ZooKeeper server inside this process, for {@code drover local}. */
final class EmbeddedZooKeeper implements AutoCloseable {
  private final ServerCnxnFactory factory;
  private final ZooKeeperServer server;

  private EmbeddedZooKeeper(ServerCnxnFactory factory, ZooKeeperServer server) {
    this.factory = factory;
    this.server = server;
  }

  static EmbeddedZooKeeper start(String host, int port, Path dataDir) throws IOException, InterruptedException {
    ZooKeeperServer server = new ZooKeeperServer(dataDir.resolve("snapshot").toFile(), dataDir.resolve("log").toFile(), 2000);
    ServerCnxnFactory factory = ServerCnxnFactory.createFactory(new InetSocketAddress(host, port), 1000);
    factory.startup(server);
    return new EmbeddedZooKeeper(factory, server);
  }

  String connectString() {
    InetSocketAddress address = factory.getLocalAddress();
    return address.getHostString() + ":" + address.getPort();
  }

  @Override
  public void close() {
    factory.shutdown();
    server.shutdown();
  }
}
