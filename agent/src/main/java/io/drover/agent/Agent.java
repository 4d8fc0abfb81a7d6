package io.drover.agent;

import io.drover.agent.checkpoint.AgentCheckpoint;
import io.drover.agent.checkpoint.CheckpointedState;
import io.drover.agent.containerizer.Containerizer;
import io.drover.agent.containerizer.RoutingContainerizer;
import io.drover.agent.containerizer.command.CommandContainerizer;
import io.drover.agent.containerizer.docker.DockerContainerizer;
import io.drover.agent.containerizer.docker.DockerEngine;
import io.drover.agent.health.HealthChecks;
import io.drover.agent.http.AgentHttpServer;
import io.drover.agent.resources.HostProbe;
import io.drover.agent.resources.ResourceDetection;
import io.drover.agent.sandbox.SandboxFiles;
import io.drover.agent.sandbox.SandboxLayout;
import io.drover.agent.task.CompletedTasks;
import io.drover.agent.task.SandboxCollector;
import io.drover.agent.task.TaskCheck;
import io.drover.agent.task.TaskSupervisor;
import io.drover.agent.update.StatusUpdateManager;
import io.drover.agent.update.UpdateStreams;
import io.drover.core.AgentInfo;
import io.drover.core.Attributes;
import io.drover.core.MasterInfo;
import io.drover.core.Resources;
import io.drover.protocol.net.Backoff;
import io.drover.protocol.net.MasterClient;
import io.drover.protocol.net.MasterDetector;
import io.drover.protocol.net.ZooKeeperClients;
import io.drover.protocol.v1.Frame;
import io.drover.protocol.v1.PeerRole;
import io.drover.protocol.v1.Welcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent process's composition root: wires resource detection, the containerizer, the status update
 * manager, the task supervisor, the master session and the HTTP API, recovers what a previous run left,
 * and connects to the leading master.
 *
 * <p>{@link #stop} leaves the tasks running: the next start re-adopts them.
 */
public final class Agent implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Agent.class);
  private static final Duration MAX_GC_WAIT = Duration.ofHours(1);

  private final AgentConfig config;
  private final Clock clock;

  private AgentLoop loop;
  private TaskSupervisor supervisor;
  private Containerizer containerizer;
  private HealthChecks healthChecks;
  private AgentHttpServer http;
  private CuratorFramework zk;
  private MasterDetector detector;
  private volatile MasterClient client;
  private MasterSession session;
  private volatile AgentState state;
  private int httpPort;

  public Agent(AgentConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  public synchronized void start() throws Exception {
    if (loop != null) {
      throw new IllegalStateException("the agent is already started");
    }
    loop = new AgentLoop("agent");
    try {
      wireAndStart();
    } catch (Exception | Error e) {
      stop();
      throw e;
    }
  }

  private void wireAndStart() throws Exception {
    AgentCheckpoint checkpoint = new AgentCheckpoint(config.workDir());
    SandboxLayout sandboxes = new SandboxLayout(config.workDir());
    CheckpointedState recovered = checkpoint.read();
    Resources resources = ResourceDetection.resources(HostProbe.measure(config.workDir()), config.resourceOverrides());

    CommandContainerizer command = new CommandContainerizer(System.getenv(), config.processPollInterval());
    DockerEngine engine = DockerEngine.connect(config.docker().host());
    Optional<String> dockerVersion = engine.version();
    Optional<DockerContainerizer> docker = dockerVersion.map(v -> new DockerContainerizer(engine, config.docker(), config.workDir()));
    if (docker.isPresent()) {
      LOG.info("Docker engine {} at {}: the agent runs Docker tasks", dockerVersion.get(), config.docker().host());
    } else {
      engine.close();
      LOG.warn("The agent runs no Docker tasks: no Docker engine answers at {}", config.docker().host());
    }
    containerizer = new RoutingContainerizer(command, docker.map(Containerizer.class::cast));
    TaskCheck containerCheck = docker.<TaskCheck>map(d -> d::problem).orElse(TaskCheck.NONE);
    Set<String> capabilities = docker.isPresent() ? Set.of(AgentInfo.CAPABILITY_DOCKER) : Set.of();
    StatusUpdateManager updates =
        new StatusUpdateManager(
            checkpoint::updateLog, new UpdateStreams(config.statusUpdateBackoff()), clock, update -> sendToMaster(AgentCalls.update(update)));
    healthChecks = new HealthChecks(System.getenv(), docker.map(d -> d::execProbe), clock);
    CompletedTasks completed = CompletedTasks.load(checkpoint.completedTasksFile(), CompletedTasks.DEFAULT_CAPACITY);
    supervisor =
        new TaskSupervisor(checkpoint, sandboxes, containerizer, updates, completed, capabilities, containerCheck, healthChecks, config.hostname(), loop, clock);

    http = new AgentHttpServer(config.httpBindHost(), config.httpPort(), new SandboxFiles(sandboxes), () -> state, containerizer::usage);
    httpPort = http.start();
    AgentInfo info = new AgentInfo(config.hostname(), httpPort, resources, attributes(dockerVersion), capabilities);
    session = new MasterSession(info, recovered.agentId(), checkpoint, supervisor, updates, config.registrationBackoff(), loop, clock, this::sendToMaster);
    loop.afterEachEvent(() -> state = session.state());
    loop.call(
        () -> {
          supervisor.recover(recovered);
          return null;
        });
    SandboxCollector collector = new SandboxCollector(completed, sandboxes, config.gcDelay(), clock);
    loop.execute(() -> collectSandboxes(loop, collector));
    LOG.info("Agent {} on {} offers {} (HTTP port {})", recovered.agentId().map(Object::toString).orElse("(new)"), config.hostname(), resources, httpPort);

    zk = ZooKeeperClients.start(config.zk(), config.zkSessionTimeout());
    detector = new MasterDetector(zk, config.zk());
    detector.start();
    client = new MasterClient(detector, PeerRole.AGENT, "", config.protocol(), Backoff.DEFAULT, new SessionEvents(loop, session));
    client.start();
  }

  /**
   * Collects the sandboxes due now, and comes back when the next is due. With none waiting that is a full
   * delay away: any task completing meanwhile is due later still. The wait is capped so that a clock
   * set forward is noticed.
   */
  private void collectSandboxes(AgentLoop events, SandboxCollector collector) {
    Instant now = clock.instant();
    Instant next = collector.collect().orElse(now.plus(config.gcDelay()));
    Duration wait = Duration.between(now, next);
    events.schedule(() -> collectSandboxes(events, collector), wait.compareTo(MAX_GC_WAIT) > 0 ? MAX_GC_WAIT : wait);
  }

  /** The operator's attributes, and {@code docker:<engine version>} when the agent runs Docker tasks (unless set). */
  private Attributes attributes(Optional<String> engineVersion) {
    if (engineVersion.isEmpty() || config.attributes().get(AgentInfo.CAPABILITY_DOCKER).isPresent()) {
      return config.attributes();
    }
    Map<String, String> values = new TreeMap<>(config.attributes().values());
    values.put(AgentInfo.CAPABILITY_DOCKER, engineVersion.get());
    return Attributes.of(values);
  }

  private boolean sendToMaster(Frame frame) {
    MasterClient c = client;
    return c != null && c.send(frame);
  }

  /** Stops the agent; its tasks keep running and are re-adopted by the next start on the same work dir. */
  public synchronized void stop() {
    if (loop == null) {
      return;
    }
    closeQuietly(client);
    closeQuietly(detector);
    closeQuietly(zk);
    closeQuietly(http);
    closeQuietly(healthChecks);
    closeQuietly(loop);
    closeQuietly(containerizer);
    client = null;
    detector = null;
    zk = null;
    http = null;
    healthChecks = null;
    loop = null;
    containerizer = null;
    supervisor = null;
    LOG.info("Agent stopped; its tasks keep running");
  }

  /**
   * Kills every task first (each with its grace period; waits at most {@code timeout} for them to end, and
   * their updates are checkpointed as ever, to be reported after a restart if not before), then stops: for a cluster that is put away as a whole, such as {@code drover
   * local}, where tasks left running would outlive everything that knows them.
   */
  public synchronized void stopWithTasks(Duration timeout) {
    if (loop == null) {
      return;
    }
    try {
      CompletableFuture<Void> ended = loop.call(supervisor::killAll);
      ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("Not every task ended within {} before the agent stopped: {}", timeout, e.toString());
    }
    stop();
  }

  @Override
  public void close() {
    stop();
  }

  /** The agent's state as of its last event. */
  public AgentState state() {
    return state;
  }

  public int httpPort() {
    return httpPort;
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      LOG.warn("Error while stopping {}", closeable.getClass().getSimpleName(), e);
    }
  }

  /** Hands the master client's events to the session, on the agent's event thread. */
  private record SessionEvents(AgentLoop loop, MasterSession session) implements MasterClient.Listener {
    @Override
    public void connected(MasterInfo master, Welcome welcome) {
      loop.execute(() -> session.connected(master));
    }

    @Override
    public void frame(Frame frame) {
      loop.execute(() -> session.frame(frame));
    }

    @Override
    public void disconnected(String reason) {
      loop.execute(() -> session.disconnected(reason));
    }
  }
}
