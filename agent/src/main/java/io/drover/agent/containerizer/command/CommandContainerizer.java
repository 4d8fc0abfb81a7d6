package io.drover.agent.containerizer.command;

import io.drover.agent.checkpoint.AtomicFiles;
import io.drover.agent.containerizer.ContainerId;
import io.drover.agent.containerizer.ContainerLaunch;
import io.drover.agent.containerizer.Containerizer;
import io.drover.agent.containerizer.LaunchException;
import io.drover.agent.containerizer.ResourceUsage;
import io.drover.agent.containerizer.RunningContainer;
import io.drover.agent.containerizer.Termination;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks as plain processes, each in a session of its own under the wrapper of {@link
 * TaskCommandLine}, with stdout and stderr appended to the sandbox's files.
 *
 * <p>The wrapper's pid, start time and boot id are checkpointed in the run's checkpoint dir before the
 * task may start, so a restarted agent re-adopts exactly that process (a reused pid has another start
 * time). Processes started here are watched through the JDK; re-adopted ones, no longer our children,
 * are polled every {@code pollInterval}. A kill request is checkpointed too, so that a task killed
 * across an agent restart still ends as killed.
 */
public final class CommandContainerizer implements Containerizer {
  private static final Logger LOG = LoggerFactory.getLogger(CommandContainerizer.class);
  private static final String PROCESS_CHECKPOINT = "process";
  /** How long a started wrapper may take to become a session leader (setsid) before the launch fails. */
  private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);

  private final Map<String, String> agentEnvironment;
  private final Duration pollInterval;
  private final String bootId;
  private final ScheduledExecutorService timers;
  private final Map<ContainerId, Watched> watched = new ConcurrentHashMap<>();

  /**
   * @param agentEnvironment the environment tasks start from (usually the agent's own)
   * @param pollInterval how often re-adopted processes are checked for exit
   */
  public CommandContainerizer(Map<String, String> agentEnvironment, Duration pollInterval) {
    this.agentEnvironment = Map.copyOf(agentEnvironment);
    this.pollInterval = pollInterval;
    this.bootId = ProcessIdentity.currentBootId();
    this.timers =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "command-containerizer");
              t.setDaemon(true);
              return t;
            });
    timers.scheduleWithFixedDelay(this::pollAdopted, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public CompletableFuture<RunningContainer> launch(ContainerLaunch launch) {
    Process process = null;
    try {
      Files.createDirectories(launch.sandbox());
      Files.createDirectories(launch.checkpointDir());
      ProcessBuilder builder =
          new ProcessBuilder(TaskCommandLine.argv(launch.task().command()))
              .directory(launch.sandbox().toFile())
              .redirectOutput(ProcessBuilder.Redirect.appendTo(launch.sandbox().resolve("stdout").toFile()))
              .redirectError(ProcessBuilder.Redirect.appendTo(launch.sandbox().resolve("stderr").toFile()));
      builder.environment().clear();
      builder.environment().putAll(TaskEnvironment.of(agentEnvironment, launch));
      process = builder.start();
      ProcessIdentity identity = awaitSessionLeader(process);
      AtomicFiles.write(launch.checkpointDir().resolve(PROCESS_CHECKPOINT), identity.format().getBytes(StandardCharsets.UTF_8));
      Watched w = new Watched(launch, identity, false);
      watched.put(launch.containerId(), w);
      try (OutputStream go = process.getOutputStream()) {
        go.write((TaskCommandLine.GO + "\n").getBytes(StandardCharsets.UTF_8));
      }
      process.onExit().thenRunAsync(() -> ended(w), timers);
      LOG.info("Started task {} as process {} in {}", launch.task().id(), identity.pid(), launch.sandbox());
      return CompletableFuture.completedFuture(new RunningContainer(launch.containerId(), w.termination));
    } catch (IOException | RuntimeException e) {
      if (process != null) {
        process.destroyForcibly();
      }
      watched.remove(launch.containerId());
      return CompletableFuture.failedFuture(new LaunchException("cannot start the task's command: " + e.getMessage(), e));
    }
  }

  /** Waits until the wrapper runs in its own session, so that signals to its process group reach it. */
  private ProcessIdentity awaitSessionLeader(Process process) throws IOException {
    long deadline = System.nanoTime() + SESSION_TIMEOUT.toNanos();
    while (true) {
      Optional<ProcStat> stat = ProcStat.read(process.pid());
      if (stat.isPresent() && stat.get().session() == process.pid()) {
        return new ProcessIdentity(process.pid(), stat.get().startTime(), bootId);
      }
      if (stat.isEmpty() || stat.get().exited() || !process.isAlive()) {
        throw new IOException("the task's wrapper exited at once (is setsid installed?)");
      }
      if (System.nanoTime() > deadline) {
        throw new IOException("the task's wrapper did not start a session within " + SESSION_TIMEOUT.toSeconds() + " s");
      }
      LockSupport.parkNanos(1_000_000);
    }
  }

  @Override
  public List<RunningContainer> recover(List<ContainerLaunch> checkpointed) {
    List<RunningContainer> out = new ArrayList<>();
    for (ContainerLaunch launch : checkpointed) {
      out.add(recoverOne(launch));
    }
    return out;
  }

  private RunningContainer recoverOne(ContainerLaunch launch) {
    boolean killRequested = launch.killRequested();
    Optional<ProcessIdentity> identity;
    try {
      identity = AtomicFiles.read(launch.checkpointDir().resolve(PROCESS_CHECKPOINT)).map(b -> ProcessIdentity.parse(new String(b, StandardCharsets.UTF_8)));
    } catch (IOException | RuntimeException e) {
      return ended(launch, Termination.withoutStatus("the task's process checkpoint is unreadable: " + e.getMessage(), killRequested));
    }
    if (identity.isEmpty()) {
      return ended(launch, Termination.withoutStatus("the agent stopped before the task's process was started", killRequested));
    }
    ProcessIdentity.Verdict verdict = identity.get().check(ProcStat.read(identity.get().pid()), bootId);
    if (!verdict.running()) {
      LOG.info("Task {} was not re-adopted: {}", launch.task().id(), verdict.reason());
      return ended(launch, exitOf(launch, killRequested, verdict.reason() + " while the agent was down and left no exit status"));
    }
    Watched w = new Watched(launch, identity.get(), true);
    watched.put(launch.containerId(), w);
    LOG.info("Re-adopted task {} (process {})", launch.task().id(), identity.get().pid());
    if (killRequested) {
      kill(launch.containerId(), launch.task().killGracePeriod());
    }
    return new RunningContainer(launch.containerId(), w.termination);
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
    synchronized (w) {
      if (w.termination.isDone()) {
        return;
      }
      if (!w.killRequested) {
        w.killRequested = true;
        w.launch.checkpointKillRequest();
      }
      if (w.escalation != null) {
        // Already being killed: a later request can only shorten the grace period.
        if (w.escalation.getDelay(TimeUnit.MILLISECONDS) <= gracePeriod.toMillis()) {
          return;
        }
        w.escalation.cancel(false);
      }
      LOG.info("Killing task {} (process group {}), grace period {}", w.launch.task().id(), w.identity.pid(), gracePeriod);
      if (gracePeriod.isZero() || gracePeriod.isNegative()) {
        ProcessSignals.signalGroup(w.identity.pid(), "KILL");
        return;
      }
      ProcessSignals.signalGroup(w.identity.pid(), "TERM");
      w.escalation = timers.schedule(() -> forceKill(w), gracePeriod.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void forceKill(Watched w) {
    if (!w.termination.isDone()) {
      LOG.info("Task {} outlived its kill grace period; sending KILL", w.launch.task().id());
      ProcessSignals.signalGroup(w.identity.pid(), "KILL");
    }
  }

  @Override
  public Optional<ResourceUsage> usage(ContainerId id) {
    Watched w = watched.get(id);
    if (w == null) {
      return Optional.empty();
    }
    long ticks = 0;
    long resident = 0;
    int processes = 0;
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      for (Path entry : entries.toList()) {
        String name = entry.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        long pid = Long.parseLong(name);
        Optional<ProcStat> stat = ProcStat.read(pid);
        if (stat.isPresent() && stat.get().processGroup() == w.identity.pid() && !stat.get().exited()) {
          processes++;
          ticks += stat.get().userTicks() + stat.get().systemTicks();
          resident += residentBytes(pid);
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    // USER_HZ is 100 on every Linux the agent targets.
    return processes == 0 ? Optional.empty() : Optional.of(new ResourceUsage(ticks / 100.0, resident, processes));
  }

  private static long residentBytes(long pid) {
    try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
      return lines
          .filter(l -> l.startsWith("VmRSS:"))
          .findFirst()
          .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024)
          .orElse(0L);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** Stops watching. The processes keep running; a new containerizer re-adopts them with {@link #recover}. */
  @Override
  public void close() {
    timers.shutdownNow();
    watched.clear();
  }

  private void pollAdopted() {
    for (Watched w : watched.values()) {
      if (w.adopted && !w.identity.check(ProcStat.read(w.identity.pid()), bootId).running()) {
        ended(w);
      }
    }
  }

  /** The wrapper has exited: collect its exit status and clean up what is left of its process group. */
  private void ended(Watched w) {
    synchronized (w) {
      if (w.termination.isDone()) {
        return;
      }
      if (w.escalation != null) {
        w.escalation.cancel(false);
      }
      // Children that outlived the wrapper (daemonised or backgrounded) belong to the task: end them too.
      ProcessSignals.signalGroup(w.identity.pid(), "KILL");
      watched.remove(w.launch.containerId(), w);
      Termination termination = exitOf(w.launch, w.killRequested, "process " + w.identity.pid() + " ended without leaving an exit status");
      LOG.info("Task {} ended: {}", w.launch.task().id(), termination);
      w.termination.complete(termination);
    }
  }

  /** The exit status the wrapper left in the sandbox, or an end without one. */
  private static Termination exitOf(ContainerLaunch launch, boolean killed, String detailWithoutStatus) {
    Path file = launch.sandbox().resolve(TaskCommandLine.EXIT_STATUS_FILE);
    try {
      Optional<byte[]> content = AtomicFiles.read(file);
      if (content.isPresent()) {
        return Termination.exited(Integer.parseInt(new String(content.get(), StandardCharsets.UTF_8).strip()), killed);
      }
    } catch (IOException | NumberFormatException e) {
      return Termination.withoutStatus("the exit status in " + file + " is unreadable: " + e.getMessage(), killed);
    }
    return Termination.withoutStatus(detailWithoutStatus, killed);
  }

  /** One watched container. Mutable fields are guarded by the instance's monitor. */
  private static final class Watched {
    final ContainerLaunch launch;
    final ProcessIdentity identity;
    final boolean adopted;
    final CompletableFuture<Termination> termination = new CompletableFuture<>();
    boolean killRequested;
    ScheduledFuture<?> escalation;

    Watched(ContainerLaunch launch, ProcessIdentity identity, boolean adopted) {
      this.launch = launch;
      this.identity = identity;
      this.adopted = adopted;
    }
  }
}
