package io.drover.agent.containerizer.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.api.model.Volume;
import io.drover.agent.checkpoint.AtomicFiles;
import io.drover.agent.containerizer.ContainerId;
import io.drover.agent.containerizer.ContainerLaunch;
import io.drover.agent.containerizer.Containerizer;
import io.drover.agent.containerizer.LaunchException;
import io.drover.agent.containerizer.ResourceUsage;
import io.drover.agent.containerizer.RunningContainer;
import io.drover.agent.containerizer.Termination;
import io.drover.agent.health.HealthProbe;
import io.drover.core.InvalidValueException;
import io.drover.core.TaskInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks that have a {@code ContainerInfo} as Docker containers, made as {@link DockerRunSpec}
 * decides: with an init process (so that TERM reaches the program), its limits, ports, volumes,
 * environment and labels.
 *
 * <p>Each container's output is followed ({@code docker logs --follow}) into the sandbox's {@code stdout}
 * and {@code stderr}. That stream ends when the container stops; the container is then inspected for its
 * exit code, which is checkpointed before the container is removed. A re-adopted container's output is
 * followed from the start again, skipping the bytes the sandbox files already hold.
 *
 * <p>The labels are the checkpoint: a restarted agent lists the containers marked with its work dir,
 * re-adopts those of its checkpointed runs, and stops and removes the others (orphans). A kill request
 * is checkpointed, so that a task killed across an agent restart still ends as killed.
 */
public final class DockerContainerizer implements Containerizer {
  private static final Logger LOG = LoggerFactory.getLogger(DockerContainerizer.class);
  private static final String EXIT_CHECKPOINT = "exit_status";
  /** How long to wait before following a broken log stream again, or asking an unreachable engine again. */
  private static final Duration RETRY = Duration.ofSeconds(1);
  private static final Duration ORPHAN_GRACE = TaskInfo.DEFAULT_KILL_GRACE_PERIOD;

  private final DockerEngine engine;
  private final DockerClient docker;
  private final DockerSettings settings;
  private final String owner;
  private final ExecutorService workers;
  private final ScheduledExecutorService timers;
  private final Map<ContainerId, Watched> watched = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /**
   * @param workDir the agent's work dir: it marks the agent's containers, so that agents sharing an engine
   *     leave each other's alone
   */
  public DockerContainerizer(DockerEngine engine, DockerSettings settings, Path workDir) {
    this.engine = engine;
    this.docker = engine.client();
    this.settings = settings;
    this.owner = workDir.toAbsolutePath().normalize().toString();
    this.workers = Executors.newCachedThreadPool(daemonThreads("docker-containerizer"));
    this.timers = Executors.newSingleThreadScheduledExecutor(daemonThreads("docker-containerizer-timer"));
  }

  /** A COMMAND health check run in the task's container with the container's environment. */
  public HealthProbe execProbe(ContainerLaunch launch, String command) {
    DockerRunSpec spec = DockerRunSpec.of(launch, settings, owner);
    return new DockerExecProbe(docker, spec.name(), command, spec.env());
  }

  /** Refuses, with the reason, a Docker task this agent cannot run (bad image name, ports, volumes or parameters). */
  public Optional<String> problem(TaskInfo task) {
    try {
      DockerRunSpec.check(task, settings);
      return Optional.empty();
    } catch (InvalidValueException e) {
      return Optional.of(e.getMessage());
    }
  }

  @Override
  public CompletableFuture<RunningContainer> launch(ContainerLaunch launch) {
    return CompletableFuture.supplyAsync(() -> start(launch), workers);
  }

  private RunningContainer start(ContainerLaunch launch) {
    DockerRunSpec spec;
    try {
      spec = DockerRunSpec.of(launch, settings, owner);
      Files.createDirectories(launch.sandbox());
      Files.createDirectories(launch.checkpointDir());
      for (BindVolumes.Bind volume : spec.volumes()) {
        if (volume.inSandbox()) {
          Files.createDirectories(volume.hostPath());
        }
      }
    } catch (InvalidValueException e) {
      throw failure(e.getMessage(), e);
    } catch (IOException e) {
      throw failure("cannot prepare the task's container: " + e.getMessage(), e);
    }
    String dockerId = create(spec);
    try {
      docker.startContainerCmd(dockerId).exec();
    } catch (RuntimeException e) {
      remove(dockerId);
      throw failure("cannot start the container of image " + spec.image() + ": " + DockerErrors.message(e), e);
    }
    Watched w = new Watched(launch, dockerId);
    watched.put(launch.containerId(), w);
    workers.execute(() -> follow(w));
    LOG.info("Started task {} as container {} of image {}", launch.task().id(), shortId(dockerId), spec.image());
    return new RunningContainer(launch.containerId(), w.termination);
  }

  /**
   * Creates the container from the local image when there is one; pulls first when the task asks for a
   * fresh pull, or when the engine has no such image (as {@code docker run} does, without asking first).
   */
  private String create(DockerRunSpec spec) {
    if (spec.forcePull()) {
      pull(spec);
    }
    try {
      return createCommand(spec).exec().getId();
    } catch (NotFoundException e) {
      if (spec.forcePull()) {
        throw cannotCreate(spec, e);
      }
      LOG.info("Image {} is not here; pulling it", spec.image());
    } catch (RuntimeException e) {
      throw cannotCreate(spec, e);
    }
    pull(spec);
    try {
      return createCommand(spec).exec().getId();
    } catch (RuntimeException e) {
      throw cannotCreate(spec, e);
    }
  }

  private static CompletionException cannotCreate(DockerRunSpec spec, RuntimeException e) {
    return failure("cannot create a container of image " + spec.image() + ": " + DockerErrors.message(e), e);
  }

  private void pull(DockerRunSpec spec) {
    Optional<String> problem;
    try {
      problem = docker.pullImageCmd(spec.reference().repository()).withTag(spec.reference().pullTag()).exec(new Pull()).outcome();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure("the pull of image " + spec.image() + " was interrupted", e);
    } catch (RuntimeException e) {
      problem = Optional.of(DockerErrors.message(e));
    }
    if (problem.isPresent()) {
      throw failure("cannot pull image " + spec.image() + ": " + problem.get(), null);
    }
  }

  private CreateContainerCmd createCommand(DockerRunSpec spec) {
    ContainerOptions o = spec.options();
    Ports ports = new Ports();
    Set<ExposedPort> exposed = new LinkedHashSet<>();
    for (PortAssignment.Binding b : spec.ports()) {
      ExposedPort port = new ExposedPort(b.containerPort(), InternetProtocol.parse(b.protocol()));
      exposed.add(port);
      ports.bind(port, Ports.Binding.bindPort(b.hostPort()));
    }
    List<Bind> binds = new ArrayList<>();
    for (BindVolumes.Bind v : spec.volumes()) {
      binds.add(new Bind(v.hostPath().toString(), new Volume(v.containerPath()), v.readOnly() ? AccessMode.ro : AccessMode.rw));
    }
    HostConfig host =
        HostConfig.newHostConfig()
            .withInit(true)
            .withLogConfig(new LogConfig(LogConfig.LoggingType.JSON_FILE))
            .withPortBindings(ports)
            .withBinds(binds)
            .withPrivileged(o.privileged())
            .withReadonlyRootfs(o.readOnly())
            .withExtraHosts(o.addHosts().toArray(String[]::new))
            .withCapAdd(o.capAdd().stream().map(Capability::valueOf).toArray(Capability[]::new))
            .withCapDrop(o.capDrop().stream().map(Capability::valueOf).toArray(Capability[]::new));
    if (spec.cpuShares() > 0) {
      host.withCpuShares((int) spec.cpuShares()).withCpuPeriod(DockerRunSpec.CPU_PERIOD_MICROS).withCpuQuota(spec.cpuQuotaMicros());
    }
    if (spec.memoryBytes() > 0) {
      host.withMemory(spec.memoryBytes());
    }
    o.network().ifPresent(host::withNetworkMode);
    o.pidsLimit().ifPresent(host::withPidsLimit);
    o.shmSizeBytes().ifPresent(host::withShmSize);
    List<String> env = new ArrayList<>();
    spec.env().forEach((k, v) -> env.add(k + "=" + v));
    CreateContainerCmd cmd =
        docker.createContainerCmd(spec.image()).withName(spec.name()).withLabels(spec.labels()).withEnv(env).withExposedPorts(List.copyOf(exposed)).withHostConfig(host);
    spec.entrypoint().ifPresent(cmd::withEntrypoint);
    if (!spec.cmd().isEmpty()) {
      cmd.withCmd(spec.cmd());
    }
    o.user().ifPresent(cmd::withUser);
    o.workdir().ifPresent(cmd::withWorkingDir);
    o.hostname().ifPresent(cmd::withHostName);
    return cmd;
  }

  @Override
  public List<RunningContainer> recover(List<ContainerLaunch> checkpointed) {
    List<Container> ours;
    try {
      ours = docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(DockerRunSpec.OWNER_LABEL, owner)).exec();
    } catch (RuntimeException e) {
      String why = "the Docker engine did not list the agent's containers: " + DockerErrors.message(e);
      LOG.error("Cannot recover Docker tasks: {}", why);
      return checkpointed.stream().map(l -> ended(l, Termination.withoutStatus(why, l.killRequested()))).toList();
    }
    Map<String, Container> byRun = new HashMap<>();
    for (Container c : ours) {
      byRun.put(c.getLabels().getOrDefault(DockerRunSpec.CONTAINER_LABEL, ""), c);
    }
    List<RunningContainer> out = new ArrayList<>();
    for (ContainerLaunch launch : checkpointed) {
      Container c = byRun.remove(launch.containerId().value());
      if (c == null) {
        out.add(ended(launch, checkpointedEnd(launch)));
        continue;
      }
      Watched w = new Watched(launch, c.getId());
      watched.put(launch.containerId(), w);
      LOG.info("Re-adopted task {} (container {}, {})", launch.task().id(), shortId(c.getId()), c.getState());
      follow(w);
      if (launch.killRequested()) {
        kill(launch.containerId(), launch.task().killGracePeriod());
      }
      out.add(new RunningContainer(launch.containerId(), w.termination));
    }
    for (Container orphan : byRun.values()) {
      workers.execute(() -> removeOrphan(orphan));
    }
    return out;
  }

  /** The end of a run whose container is gone: its checkpointed exit status, if it left one. */
  private static Termination checkpointedEnd(ContainerLaunch launch) {
    boolean killed = launch.killRequested();
    try {
      Optional<byte[]> status = AtomicFiles.read(launch.checkpointDir().resolve(EXIT_CHECKPOINT));
      if (status.isPresent()) {
        return Termination.exited(Integer.parseInt(new String(status.get(), StandardCharsets.UTF_8).strip()), killed);
      }
    } catch (IOException | NumberFormatException e) {
      return Termination.withoutStatus("the task's checkpointed exit status is unreadable: " + e.getMessage(), killed);
    }
    return Termination.withoutStatus("the task's container is gone: it was never created, or was removed while the agent was down", killed);
  }

  private void removeOrphan(Container c) {
    Map<String, String> labels = c.getLabels();
    LOG.info(
        "Stopping and removing orphan container {} (task {} of framework {}): this agent has no such run",
        shortId(c.getId()),
        labels.get(DockerRunSpec.TASK_LABEL),
        labels.get(DockerRunSpec.FRAMEWORK_LABEL));
    stop(c.getId(), ORPHAN_GRACE);
    remove(c.getId());
  }

  private static RunningContainer ended(ContainerLaunch launch, Termination termination) {
    return new RunningContainer(launch.containerId(), CompletableFuture.completedFuture(termination));
  }

  @Override
  public void kill(ContainerId id, Duration gracePeriod) {
    Watched w = watched.get(id);
    if (w == null) {
      return;
    }
    long deadline = System.nanoTime() + Math.max(0, gracePeriod.toNanos());
    synchronized (w) {
      if (w.termination.isDone()) {
        return;
      }
      if (!w.killRequested) {
        w.killRequested = true;
        w.launch.checkpointKillRequest();
      }
      // Already being stopped: a later request can only shorten the grace period.
      if (w.stopDeadline != null && w.stopDeadline - deadline <= 0) {
        return;
      }
      w.stopDeadline = deadline;
    }
    LOG.info("Stopping task {} (container {}), grace period {}", w.launch.task().id(), shortId(w.dockerId), gracePeriod);
    workers.execute(() -> stop(w.dockerId, gracePeriod));
  }

  /** {@code docker stop}: TERM, then KILL after the grace period (whole seconds, rounded up). */
  private void stop(String dockerId, Duration gracePeriod) {
    int seconds = (int) Math.min(Integer.MAX_VALUE, (Math.max(0, gracePeriod.toMillis()) + 999) / 1000);
    try {
      docker.stopContainerCmd(dockerId).withTimeout(seconds).exec();
    } catch (NotModifiedException | NotFoundException e) {
      // Already stopped, or gone.
    } catch (RuntimeException e) {
      LOG.warn("Cannot stop container {}: {}", shortId(dockerId), DockerErrors.message(e));
    }
  }

  private void remove(String dockerId) {
    try {
      docker.removeContainerCmd(dockerId).withForce(true).withRemoveVolumes(true).exec();
    } catch (NotFoundException e) {
      // Gone already.
    } catch (RuntimeException e) {
      LOG.warn("Cannot remove container {}: {}", shortId(dockerId), DockerErrors.message(e));
    }
  }

  @Override
  public Optional<ResourceUsage> usage(ContainerId id) {
    Watched w = watched.get(id);
    return w == null || w.termination.isDone() ? Optional.empty() : engine.usage(w.dockerId);
  }

  /** Stops watching. The containers keep running; a new containerizer re-adopts them with {@link #recover}. */
  @Override
  public void close() {
    closed = true;
    for (Watched w : watched.values()) {
      LogStream stream;
      synchronized (w) {
        stream = w.stream;
      }
      if (stream != null) {
        stream.closeQuietly();
      }
    }
    watched.clear();
    workers.shutdownNow();
    timers.shutdownNow();
    engine.close();
  }

  /** Follows the container's output from its start, appending what the sandbox files do not hold yet. */
  private void follow(Watched w) {
    if (closed || w.termination.isDone()) {
      return;
    }
    LogStream stream;
    try {
      stream = new LogStream(w);
    } catch (IOException e) {
      LOG.error("Cannot open the sandbox files of task {}; its output is lost", w.launch.task().id(), e);
      workers.execute(() -> streamEnded(w));
      return;
    }
    synchronized (w) {
      w.stream = stream;
    }
    try {
      docker.logContainerCmd(w.dockerId).withStdOut(true).withStdErr(true).withFollowStream(true).exec(stream);
    } catch (RuntimeException e) {
      stream.closeQuietly();
      LOG.warn("Cannot follow the output of container {}: {}", shortId(w.dockerId), DockerErrors.message(e));
      retry(() -> streamEnded(w));
    }
  }

  /** The log stream ended: the container stopped, or the stream broke and is followed again. */
  private void streamEnded(Watched w) {
    if (closed || w.termination.isDone()) {
      return;
    }
    InspectContainerResponse.ContainerState state;
    try {
      state = docker.inspectContainerCmd(w.dockerId).exec().getState();
    } catch (NotFoundException e) {
      finish(w, Termination.withoutStatus("its container " + shortId(w.dockerId) + " was removed by someone else", w.killRequested()));
      return;
    } catch (RuntimeException e) {
      LOG.warn("Cannot inspect container {} (retrying): {}", shortId(w.dockerId), DockerErrors.message(e));
      retry(() -> streamEnded(w));
      return;
    }
    if (Boolean.TRUE.equals(state.getRunning()) || Boolean.TRUE.equals(state.getRestarting())) {
      LOG.info("The output stream of container {} ended while it runs; following it again", shortId(w.dockerId));
      retry(() -> follow(w));
      return;
    }
    if ("created".equals(state.getStatus())) {
      finish(w, Termination.withoutStatus("the agent stopped before the task's container was started", w.killRequested()));
      return;
    }
    int exit = state.getExitCodeLong() == null ? -1 : state.getExitCodeLong().intValue();
    String detail =
        Boolean.TRUE.equals(state.getOOMKilled())
            ? "the container ran out of memory"
            : state.getError() == null || state.getError().isBlank() ? "" : "Docker: " + state.getError();
    finish(w, exit < 0 ? Termination.withoutStatus("Docker reports no exit code for the container. " + detail, w.killRequested()) : new Termination(OptionalInt.of(exit), w.killRequested(), detail));
  }

  /** Checkpoints the exit status, removes the container, then reports the end. */
  private void finish(Watched w, Termination termination) {
    if (termination.exitStatus().isPresent()) {
      try {
        AtomicFiles.write(w.launch.checkpointDir().resolve(EXIT_CHECKPOINT), (termination.exitStatus().getAsInt() + "\n").getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        LOG.warn("Cannot checkpoint the exit status of task {}: {}", w.launch.task().id(), e.toString());
      }
    }
    remove(w.dockerId);
    watched.remove(w.launch.containerId(), w);
    LOG.info("Task {} ended: {}", w.launch.task().id(), termination);
    w.termination.complete(termination);
  }

  private void retry(Runnable action) {
    if (!closed) {
      timers.schedule(() -> workers.execute(action), RETRY.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private static CompletionException failure(String message, Throwable cause) {
    return new CompletionException(new LaunchException(message, cause));
  }

  private static String shortId(String dockerId) {
    return dockerId.length() > 12 ? dockerId.substring(0, 12) : dockerId;
  }

  private static ThreadFactory daemonThreads(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** One watched container. Fields other than the finals are guarded by the instance's monitor. */
  private static final class Watched {
    final ContainerLaunch launch;
    final String dockerId;
    final CompletableFuture<Termination> termination = new CompletableFuture<>();
    boolean killRequested;
    /** When the current stop forces the container ({@link System#nanoTime}); null until a kill. */
    Long stopDeadline;
    LogStream stream;

    Watched(ContainerLaunch launch, String dockerId) {
      this.launch = launch;
      this.dockerId = dockerId;
      this.killRequested = launch.killRequested();
    }

    synchronized boolean killRequested() {
      return killRequested;
    }
  }

  /** A pull's progress; the engine's error is kept for the task's status rather than logged. */
  private static final class Pull extends ResultCallback.Adapter<PullResponseItem> {
    private volatile String problem;

    @Override
    public void onNext(PullResponseItem item) {
      if (item.getErrorDetail() != null) {
        problem = item.getErrorDetail().getMessage();
      }
    }

    @Override
    public void onError(Throwable error) {
      problem = DockerErrors.message(error);
      try {
        close();
      } catch (IOException ignored) {
        // The pull is over either way.
      }
    }

    /** Waits for the pull to end; empty when it succeeded, else what went wrong. */
    Optional<String> outcome() throws InterruptedException {
      awaitCompletion();
      return Optional.ofNullable(problem);
    }
  }

  /**
   * One {@code logs --follow} of a container into its sandbox files. The engine sends the output from
   * the start; bytes the files already hold (from an earlier stream) are skipped.
   */
  private final class LogStream extends ResultCallback.Adapter<Frame> {
    private final Watched w;
    private final Sink stdout;
    private final Sink stderr;
    private volatile boolean abandoned;

    LogStream(Watched w) throws IOException {
      this.w = w;
      this.stdout = new Sink(w.launch.sandbox().resolve("stdout"));
      this.stderr = new Sink(w.launch.sandbox().resolve("stderr"));
    }

    @Override
    public void onNext(Frame frame) {
      try {
        if (frame.getStreamType() == StreamType.STDERR) {
          stderr.write(frame.getPayload());
        } else if (frame.getStreamType() == StreamType.STDOUT || frame.getStreamType() == StreamType.RAW) {
          stdout.write(frame.getPayload());
        }
      } catch (IOException e) {
        LOG.warn("Cannot write the output of task {} to its sandbox: {}", w.launch.task().id(), e.toString());
      }
    }

    @Override
    public void onError(Throwable error) {
      if (!abandoned && !closed) {
        LOG.debug("The output stream of container {} failed: {}", shortId(w.dockerId), error.toString());
      }
      ended();
    }

    @Override
    public void onComplete() {
      ended();
    }

    private void ended() {
      stdout.close();
      stderr.close();
      try {
        super.close();
      } catch (IOException ignored) {
        // The stream is finished either way.
      }
      if (!abandoned && !closed) {
        workers.execute(() -> streamEnded(w));
      }
    }

    void closeQuietly() {
      abandoned = true;
      try {
        super.close();
      } catch (IOException ignored) {
        // Closing is all that is wanted.
      }
      stdout.close();
      stderr.close();
    }
  }

  /** Appends one stream to a sandbox file, skipping the bytes the file held when the stream began. */
  private static final class Sink {
    private final OutputStream out;
    private long skip;

    Sink(Path file) throws IOException {
      this.skip = Files.exists(file) ? Files.size(file) : 0;
      this.out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    synchronized void write(byte[] payload) throws IOException {
      int from = (int) Math.min(payload.length, skip);
      skip -= from;
      if (from < payload.length) {
        out.write(payload, from, payload.length - from);
        out.flush();
      }
    }

    synchronized void close() {
      try {
        out.close();
      } catch (IOException ignored) {
        // Nothing more can be written anyway.
      }
    }
  }
}
