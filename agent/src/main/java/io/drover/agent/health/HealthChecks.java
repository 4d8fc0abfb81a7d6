package io.drover.agent.health;

import io.drover.agent.containerizer.ContainerLaunch;
import io.drover.agent.containerizer.command.TaskEnvironment;
import io.drover.core.HealthCheck;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the tasks' health checks on a few shared threads: each task's probe every {@code interval}, its
 * outcomes judged by {@link HealthVerdicts}, each verdict handed to the caller. HTTP and TCP probes go to
 * 127.0.0.1 on the task's {@code portIndex}-th host port ({@link TaskPorts});
 * COMMAND probes run {@code sh -c} in a Docker task's container ({@link InContainerCommands}), else on
 * the host, in the sandbox, with the task's environment.
 */
public final class HealthChecks implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HealthChecks.class);
  private static final int THREADS = 2;
  /** A zero interval would probe without pause. */
  private static final Duration MIN_INTERVAL = Duration.ofMillis(100);
  /** Timeouts must be positive for the HTTP client and sockets. */
  private static final Duration MIN_TIMEOUT = Duration.ofMillis(1);
  private static final String HOST = "127.0.0.1";

  private final Map<String, String> agentEnvironment;
  private final Optional<InContainerCommands> inContainer;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final HttpClient http;

  /** @param inContainer runs Docker tasks' COMMAND checks in their containers; absent on agents without Docker */
  public HealthChecks(Map<String, String> agentEnvironment, Optional<InContainerCommands> inContainer, Clock clock) {
    this.agentEnvironment = Map.copyOf(agentEnvironment);
    this.inContainer = inContainer;
    this.clock = clock;
    this.scheduler =
        Executors.newScheduledThreadPool(
            THREADS,
            r -> {
              Thread t = new Thread(r, "health-checks");
              t.setDaemon(true);
              return t;
            });
    this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** A new verdict on a task's health. */
  public record Verdict(boolean healthy, String detail) {}

  /** One task's checking; {@link #stop} ends it (a probe under way finishes, its verdict is dropped). */
  public interface Running {
    void stop();
  }

  /** Starts checking a launched (or re-adopted) task; its grace period counts from now. */
  public Running start(ContainerLaunch launch, HealthCheck check, Consumer<Verdict> verdicts) {
    HealthProbe probe = probeOf(launch, check);
    Duration interval = check.interval().compareTo(MIN_INTERVAL) < 0 ? MIN_INTERVAL : check.interval();
    Checking checking = new Checking(probe, check, new HealthVerdicts(check, clock.instant()), interval, verdicts);
    LOG.info("Checking the health of task {}: {} every {} ms", launch.task().id(), probe, interval.toMillis());
    checking.schedule();
    return checking::stop;
  }

  private HealthProbe probeOf(ContainerLaunch launch, HealthCheck check) {
    if (check.protocol() == HealthCheck.Protocol.COMMAND) {
      if (launch.task().container().isPresent() && inContainer.isPresent()) {
        return inContainer.get().probe(launch, check.command());
      }
      return new CommandProbe(check.command(), TaskEnvironment.of(agentEnvironment, launch), launch.sandbox());
    }
    // Tasks whose checks name a port they lack are refused before they launch.
    int port = TaskPorts.of(launch.task()).get(check.portIndex());
    if (check.protocol() == HealthCheck.Protocol.HTTP) {
      return new HttpProbe(http, HOST, port, check.path());
    }
    return new TcpProbe(HOST, port);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }

  private final class Checking {
    private final HealthProbe probe;
    private final HealthCheck check;
    private final HealthVerdicts judge;
    private final Duration interval;
    private final Consumer<Verdict> verdicts;
    private volatile boolean stopped;

    Checking(HealthProbe probe, HealthCheck check, HealthVerdicts judge, Duration interval, Consumer<Verdict> verdicts) {
      this.probe = probe;
      this.check = check;
      this.judge = judge;
      this.interval = interval;
      this.verdicts = verdicts;
    }

    void schedule() {
      if (stopped || scheduler.isShutdown()) {
        return;
      }
      try {
        scheduler.schedule(this::probeOnce, interval.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        // The agent is stopping.
      }
    }

    private void probeOnce() {
      if (stopped) {
        return;
      }
      try {
        ProbeResult result = probe.probe(check.timeout().compareTo(MIN_TIMEOUT) < 0 ? MIN_TIMEOUT : check.timeout());
        if (!stopped) {
          judge.record(result.passed(), clock.instant()).ifPresent(healthy -> verdicts.accept(new Verdict(healthy, result.detail())));
        }
      } catch (RuntimeException e) {
        LOG.warn("Health check {} failed to run", probe, e);
      }
      schedule();
    }

    void stop() {
      stopped = true;
    }
  }
}
