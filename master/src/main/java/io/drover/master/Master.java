package io.drover.master;

import io.drover.allocator.HierarchicalAllocator;
import io.drover.allocator.sorter.SorterFactory;
import io.drover.core.MasterInfo;
import io.drover.core.allocation.Allocator;
import io.drover.core.allocation.AllocatorOptions;
import io.drover.core.allocation.AllocatorSnapshot;
import io.drover.master.election.CuratorLeaderContender;
import io.drover.master.election.Leadership;
import io.drover.master.election.LeadershipListener;
import io.drover.master.http.OperatorApi;
import io.drover.master.http.OperatorView;
import io.drover.master.metrics.MasterMetrics;
import io.drover.master.registry.RegistryContents;
import io.drover.master.registry.RegistryException;
import io.drover.master.registry.ZooKeeperRegistry;
import io.drover.master.term.LeaderTerm;
import io.drover.master.term.TermSettings;
import io.drover.master.view.ClusterState;
import io.drover.protocol.ToProto;
import io.drover.protocol.net.Connection;
import io.drover.protocol.net.ConnectionHandler;
import io.drover.protocol.net.HandshakePolicy;
import io.drover.protocol.net.MasterDetector;
import io.drover.protocol.net.ProtocolOptions;
import io.drover.protocol.net.ProtocolServer;
import io.drover.protocol.v1.Frame;
import io.drover.protocol.v1.Hello;
import io.drover.protocol.v1.Refused;
import io.drover.protocol.v1.Welcome;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A master process: the composition root. It serves the protocol and the operator API, contends for
 * leadership, and while it leads runs a {@link LeaderTerm}. All master state lives on one thread (the
 * master loop); network and ZooKeeper threads only hand work over to it.
 */
public final class Master implements AutoCloseable, OperatorView {
  private static final Logger LOG = LoggerFactory.getLogger(Master.class);

  private final MasterConfig config;
  private final Supplier<Allocator> allocators;
  private final Clock clock;
  private final String id = UUID.randomUUID().toString();
  private final MasterMetrics metrics = new MasterMetrics();
  private final ScheduledExecutorService loop = new MasterLoop("master-" + id.substring(0, 8));

  private ProtocolServer protocolServer;
  private OperatorApi operatorApi;
  private CuratorFramework zooKeeper;
  private MasterDetector detector;
  private CuratorLeaderContender contender;
  private volatile MasterInfo self;
  /** This master with its term's epoch while it leads, else null. Read by network threads. */
  private volatile MasterInfo leadingAs;
  /** Confined to the loop. */
  private LeaderTerm term;

  /** A master allocating with hierarchical DRF. */
  public Master(MasterConfig config) {
    this(config, () -> new HierarchicalAllocator(SorterFactory.drf(), new Random()), Clock.systemUTC());
  }

  /** {@code allocators} makes a fresh allocator for each term of leadership. */
  public Master(MasterConfig config, Supplier<Allocator> allocators, Clock clock) {
    this.config = config;
    this.allocators = allocators;
    this.clock = clock;
  }

  public void start() throws Exception {
    metrics.leading(false);
    zooKeeper = MasterZooKeeper.start(config.zk(), config.zkSessionTimeout());
    detector = new MasterDetector(zooKeeper, config.zk());
    detector.start();
    protocolServer = new ProtocolServer(config.protocolOptions(), this::handshake, new LoopHandler());
    InetSocketAddress protocol = protocolServer.start(config.host(), config.protocolPort());
    operatorApi = new OperatorApi(this);
    InetSocketAddress http = operatorApi.start(config.host(), config.httpPort());
    self = new MasterInfo(id, config.host(), protocol.getPort(), http.getPort(), 0, config.version());
    contender = new CuratorLeaderContender(zooKeeper, config.paths(), self, config.suspendedGrace(), new Elections());
    contender.start();
    LOG.info("Master {} started: protocol on {}:{}, HTTP on {}:{}, ZooKeeper {}", id, config.host(), protocol.getPort(), config.host(), http.getPort(), config.zk());
  }

  private HandshakePolicy.Answer handshake(Hello hello) {
    MasterInfo leading = leadingAs;
    if (leading != null) {
      return new HandshakePolicy.Admit(
          Welcome.newBuilder()
              .setProtocolVersion(ProtocolOptions.PROTOCOL_VERSION)
              .setMaster(ToProto.masterInfo(leading))
              .setHeartbeatIntervalMs(config.heartbeatInterval().toMillis())
              .build());
    }
    Refused.Builder refused = Refused.newBuilder().setCode(Refused.Code.NOT_LEADER).setReason("master " + id + " is not leading");
    leader().filter(l -> !l.id().equals(id)).ifPresent(l -> refused.setLeader(ToProto.masterInfo(l)));
    return new HandshakePolicy.Refuse(refused.build());
  }

  /** Hands every connection event over to the loop, where the current term (if any) takes it. */
  private final class LoopHandler implements ConnectionHandler {
    @Override
    public void onOpen(Connection connection, Hello hello) {
      loop.execute(
          () -> {
            if (term == null || leadingAs == null) {
              connection.close("master " + id + " is not leading");
            } else {
              term.opened(connection);
            }
          });
    }

    @Override
    public void onFrame(Connection connection, Frame frame) {
      loop.execute(
          () -> {
            if (term != null && leadingAs != null) {
              term.frame(connection, frame);
            }
          });
    }

    @Override
    public void onClose(Connection connection, String reason) {
      loop.execute(
          () -> {
            if (term != null) {
              term.closed(connection, reason);
            }
          });
    }
  }

  /** Leadership changes arrive on the contender's thread; acting on them happens on the loop. */
  private final class Elections implements LeadershipListener {
    @Override
    public void elected(Leadership leadership) {
      loop.execute(() -> beginTerm(leadership));
    }

    @Override
    public void deposed(String reason) {
      // Refuse new peers at once; the term itself ends on the loop, after which nothing of it acts.
      leadingAs = null;
      loop.execute(() -> endTerm(reason));
    }
  }

  private void beginTerm(Leadership leadership) {
    endTerm("a new term begins");
    MasterInfo me = new MasterInfo(id, self.host(), self.protocolPort(), self.httpPort(), leadership.epoch(), self.version());
    ZooKeeperRegistry registry = new ZooKeeperRegistry(zooKeeper, config.paths(), leadership);
    RegistryContents contents;
    try {
      contents = registry.load();
    } catch (RegistryException e) {
      registry.close();
      LOG.error("Cannot lead without the registry: {}", e.getMessage());
      contender.abdicate("cannot read the registry: " + e.getMessage());
      return;
    }
    TermSettings settings =
        new TermSettings(config.heartbeatInterval(), config.agentPingTimeout(), config.agentReregistrationTimeout(), config.offerTimeout());
    AllocatorOptions allocatorOptions = new AllocatorOptions(clock, config.allocationInterval(), AllocatorOptions.DEFAULT_MIN_ALLOCATABLE);
    term =
        new LeaderTerm(
            me, settings, clock, loop, registry, allocators.get(), allocatorOptions, metrics, reason -> contender.abdicate("fenced out: " + reason));
    term.start(contents);
    self = me;
    leadingAs = me;
    metrics.leading(true);
  }

  private void endTerm(String reason) {
    if (term == null) {
      return;
    }
    leadingAs = null;
    term.end(reason);
    term = null;
    metrics.leading(false);
    protocolServer.closeAll("master stopped leading: " + reason);
  }

  @Override
  public MasterInfo self() {
    return self;
  }

  @Override
  public boolean isLeading() {
    return leadingAs != null;
  }

  @Override
  public Optional<MasterInfo> leader() {
    MasterInfo leading = leadingAs;
    return leading != null ? Optional.of(leading) : detector.current();
  }

  @Override
  public CompletableFuture<ClusterState> state() {
    CompletableFuture<ClusterState> result = new CompletableFuture<>();
    loop.execute(
        () -> {
          LeaderTerm current = term;
          if (current == null) {
            result.completeExceptionally(new IllegalStateException("master " + id + " is not leading"));
            return;
          }
          current
              .allocatorSnapshot()
              .exceptionally(e -> new AllocatorSnapshot(Map.of(), Map.of(), 0))
              .thenAcceptAsync(
                  shares -> {
                    if (term == current) {
                      result.complete(current.state(shares));
                    } else {
                      result.completeExceptionally(new IllegalStateException("leadership changed while reading the state"));
                    }
                  },
                  loop);
        });
    return result;
  }

  @Override
  public MasterMetrics metrics() {
    return metrics;
  }

  @Override
  public void close() {
    if (loop.isShutdown()) {
      return;
    }
    if (contender != null) {
      contender.close();
    }
    try {
      loop.submit(() -> endTerm("master stopping")).get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("The leadership term did not end cleanly: {}", e.toString());
    }
    loop.shutdownNow();
    if (protocolServer != null) {
      protocolServer.close();
    }
    if (operatorApi != null) {
      operatorApi.close();
    }
    if (detector != null) {
      detector.close();
    }
    if (zooKeeper != null) {
      zooKeeper.close();
    }
    LOG.info("Master {} stopped", id);
  }
}
