package io.drover.marathon.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.drover.core.AgentId;
import io.drover.core.Attributes;
import io.drover.core.HealthCheck;
import io.drover.sdk.placement.TaskSite;
import io.drover.core.TaskState;
import io.drover.marathon.app.HealthCheckResult;
import io.drover.marathon.instance.Condition;
import io.drover.marathon.instance.HealthState;
import io.drover.marathon.instance.Instance;
import io.drover.marathon.instance.InstanceId;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** marathon-app's own health checks, probing a real HTTP server and a real closed port on loopback. */
class HostHealthChecksTest {
  private final ScheduledExecutorService probes = Executors.newScheduledThreadPool(2);
  private final HostHealthChecks checks = HostHealthChecks.overNetwork(probes, Clock.systemUTC());
  private final AtomicInteger status = new AtomicInteger(200);
  private HttpServer server;
  private int closedPort;

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/health", exchange -> {
      exchange.sendResponseHeaders(status.get(), -1);
      exchange.close();
    });
    server.start();
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
  }

  @AfterEach
  void stop() {
    checks.clear();
    probes.shutdownNow();
    server.stop(0);
  }

  private static HealthCheck check(HealthCheck.Protocol protocol, int portIndex, int maxFailures) {
    return new HealthCheck(protocol, "/health", portIndex, "", Duration.ZERO, Duration.ofMillis(50), Duration.ofSeconds(2), maxFailures);
  }

  private Instance running(int... ports) {
    Instant now = Instant.now();
    Instance launched =
        Instance.launched(InstanceId.forApp("/web", UUID.randomUUID()), "v1", new TaskSite(AgentId.of("a1"), "127.0.0.1", Attributes.NONE),
            java.util.Arrays.stream(ports).boxed().toList(), now);
    return new Instance(launched.id(), "v1", launched.agent(), launched.hostPorts(), Condition.RUNNING, Optional.of(TaskState.TASK_RUNNING), now,
        launched.agentHealth(), List.of(), now, Optional.of(now), Optional.empty(), "");
  }

  @Test
  void eachCheckHasItsResultAndAFailingOneFailsForGoodAfterMaxConsecutiveFailures() {
    Instance instance = running(server.getAddress().getPort(), closedPort);
    List<HealthCheck> hostChecks = List.of(check(HealthCheck.Protocol.HTTP, 0, 3), check(HealthCheck.Protocol.TCP, 1, 3));

    checks.watch(instance, hostChecks);

    await().atMost(Duration.ofSeconds(10)).until(() -> checks.failedForGood(instance.id(), hostChecks));
    List<HealthCheckResult> results = checks.results(instance.id());
    assertThat(results).hasSize(2);
    assertThat(results.get(0).alive()).isTrue();
    assertThat(results.get(0).consecutiveFailures()).isZero();
    assertThat(results.get(1).alive()).isFalse();
    assertThat(results.get(1).consecutiveFailures()).isGreaterThanOrEqualTo(3);
    assertThat(results.get(1).lastFailureCause()).contains("Connect");
  }

  @Test
  void anHttpErrorIsAFailureAndRetainForgetsInstancesNoLongerWatched() {
    Instance instance = running(server.getAddress().getPort());
    List<HealthCheck> hostChecks = List.of(check(HealthCheck.Protocol.HTTP, 0, 2));
    checks.watch(instance, hostChecks);
    await().atMost(Duration.ofSeconds(10)).until(() -> !checks.results(instance.id()).isEmpty() && checks.results(instance.id()).get(0).alive());

    status.set(503);

    await().atMost(Duration.ofSeconds(10)).until(() -> checks.failedForGood(instance.id(), hostChecks));
    assertThat(checks.results(instance.id()).get(0).lastFailureCause()).isEqualTo("HTTP status 503");
    checks.retain(Set.of());
    assertThat(checks.results(instance.id())).isEmpty();
    assertThat(checks.failedForGood(instance.id(), hostChecks)).isFalse();
  }

  @Test
  void theVerdictsKeptInTheInstanceAreEachChecksOwnElseWhatItHeld() {
    Instance instance = running(server.getAddress().getPort(), closedPort).withHostChecks(List.of(HealthState.HEALTHY));
    List<HealthCheck> hostChecks = List.of(check(HealthCheck.Protocol.HTTP, 0, 0), check(HealthCheck.Protocol.TCP, 1, 0));
    assertThat(checks.states(instance, hostChecks)).as("before any probe").containsExactly(HealthState.HEALTHY, HealthState.UNKNOWN);

    checks.watch(instance, hostChecks);

    await().atMost(Duration.ofSeconds(10)).until(() -> checks.states(instance, hostChecks).equals(List.of(HealthState.HEALTHY, HealthState.UNHEALTHY)));
    status.set(500);
    await().atMost(Duration.ofSeconds(10)).until(() -> checks.states(instance, hostChecks).equals(List.of(HealthState.UNHEALTHY, HealthState.UNHEALTHY)));
  }

  @Test
  void aChecksVerdictIsUnknownUntilItAnswersOutsideTheGracePeriod() {
    assertThat(CheckVerdict.NONE.state()).isEqualTo(HealthState.UNKNOWN);
    assertThat(CheckVerdict.NONE.failed(Instant.EPOCH, "down", true).state()).as("forgiven in the grace period").isEqualTo(HealthState.UNKNOWN);
    assertThat(CheckVerdict.NONE.failed(Instant.EPOCH, "down", false).state()).isEqualTo(HealthState.UNHEALTHY);
    CheckVerdict up = CheckVerdict.NONE.succeeded(Instant.EPOCH);
    assertThat(up.state()).isEqualTo(HealthState.HEALTHY);
    assertThat(up.failed(Instant.EPOCH.plusSeconds(1), "down", true).state()).as("after a success failures count").isEqualTo(HealthState.UNHEALTHY);
  }

  @Test
  void failuresInTheGracePeriodBeforeTheFirstSuccessDoNotCount() {
    CheckVerdict verdict = CheckVerdict.NONE.failed(Instant.EPOCH, "down", true).failed(Instant.EPOCH.plusSeconds(1), "down", true);
    assertThat(verdict.consecutiveFailures()).isZero();
    assertThat(verdict.alive()).isFalse();
    CheckVerdict afterSuccess = verdict.succeeded(Instant.EPOCH.plusSeconds(2)).failed(Instant.EPOCH.plusSeconds(3), "down", true);
    assertThat(afterSuccess.consecutiveFailures()).isEqualTo(1);
    assertThat(afterSuccess.firstSuccess()).contains(Instant.EPOCH.plusSeconds(2));
  }
}
