package io.drover.marathon;

import io.drover.marathon.api.ElectedLeaderControl;
import io.drover.marathon.api.MarathonHttpServer;
import io.drover.marathon.api.SchedulerInstanceControl;
import io.drover.marathon.api.SchedulingClusterDirectory;
import io.drover.marathon.api.ServerInfo;
import io.drover.marathon.deployment.DeploymentManager;
import io.drover.marathon.events.DeploymentEvents;
import io.drover.marathon.events.EventBus;
import io.drover.marathon.scheduling.SchedulingService;
import io.drover.marathon.storage.LeaderInfo;
import io.drover.marathon.storage.MarathonLeadership;
import io.drover.marathon.storage.MarathonPaths;
import io.drover.marathon.storage.MarathonStorage;
import io.drover.marathon.storage.MarathonTerm;
import io.drover.marathon.storage.NodeCodec;
import io.drover.marathon.storage.StateTakeover;
import io.drover.protocol.net.ZooKeeperClients;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One marathon-app process, wired from its {@link MarathonConfig}: it joins marathon-app's election;
 * when elected, the deployment manager takes over the stored state and the scheduling side subscribes
 * to the leading master as the framework (a new SDK driver per term); when deposed, both stand down.
 * The REST API serves from the start: a standby forwards {@code /v2} requests to the leader.
 */
public final class MarathonApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MarathonApp.class);

  private final MarathonConfig config;
  private final Clock clock = Clock.systemUTC();
  private final EventBus events = new EventBus();
  private final ScheduledExecutorService timers;
  private CuratorFramework client;
  private SchedulingService scheduling;
  private MarathonLeadership leadership;
  private MarathonHttpServer server;
  private int httpPort;

  public MarathonApp(MarathonConfig config) {
    this.config = config;
    this.timers =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "marathon-timers");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Serves the API and joins the election; returns once the API listens. */
  public synchronized void start() throws Exception {
    client = ZooKeeperClients.start(config.zk(), config.zkSessionTimeout());
    MarathonPaths paths = new MarathonPaths(config.zk().root());
    scheduling =
        new SchedulingService(
            new SchedulingService.Settings(config.zk().toString(), config.framework(), config.scheduler(), config.tickInterval()), events, clock);
    DeploymentManager manager = new DeploymentManager(scheduling.deploymentExecutor(), new DeploymentEvents(events, clock), clock, timers, config.servicePorts());
    StateTakeover takeover = new StateTakeover(client, paths, NodeCodec.DEFAULT, config.writeTimeout(), manager);
    String id = UUID.randomUUID().toString();
    httpPort = config.httpPort() == 0 ? freePort() : config.httpPort();
    leadership =
        new MarathonLeadership(client, paths, new LeaderInfo(id, config.host(), httpPort, 0), config.suspendedGrace(), new Term(takeover, manager));
    server =
        new MarathonHttpServer(
            new MarathonHttpServer.Settings(
                config.host(), httpPort, config.maxBodyBytes(), new ServerInfo("marathon", version(), config.zk().toString(), config.host(), httpPort)),
            new MarathonHttpServer.Services(
                manager,
                scheduling.statusSource(),
                events,
                new SchedulerInstanceControl(scheduling.scheduling(), scheduling.queue()),
                new ElectedLeaderControl(leadership),
                () -> takeover.storage().flatMap(storage -> storage.frameworkId().load()),
                new SchedulingClusterDirectory(scheduling),
                clock));
    server.start();
    leadership.start();
    LOG.info("marathon-app {} serves http://{}:{} (state under {})", id, config.host(), httpPort, paths.marathon());
  }

  /** The port the API listens on (the configured one, or the one picked for port 0). */
  public synchronized int httpPort() {
    return httpPort;
  }

  /** Whether this process currently leads. */
  public synchronized boolean isLeader() {
    return leadership != null && leadership.term().isPresent();
  }

  private static String version() {
    String version = MarathonApp.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  private static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** One leadership term: state first, then scheduling; on the way out the other way round. */
  private final class Term implements MarathonLeadership.Listener {
    private final StateTakeover takeover;
    private final DeploymentManager manager;

    Term(StateTakeover takeover, DeploymentManager manager) {
      this.takeover = takeover;
      this.manager = manager;
    }

    @Override
    public void elected(MarathonTerm term) {
      takeover.elected(term);
      MarathonStorage storage = takeover.storage().orElseThrow();
      scheduling.lead(storage, manager.root(), manager.deployments());
      LOG.info("marathon-app leads (epoch {})", term.epoch());
    }

    @Override
    public void deposed(String reason) {
      scheduling.standDown();
      takeover.deposed(reason);
      LOG.info("marathon-app no longer leads: {}", reason);
    }
  }

  @Override
  public synchronized void close() throws Exception {
    if (leadership != null) {
      leadership.close();
    }
    if (server != null) {
      server.close();
    }
    if (scheduling != null) {
      scheduling.close();
    }
    timers.shutdownNow();
    if (client != null) {
      client.close();
    }
  }
}
