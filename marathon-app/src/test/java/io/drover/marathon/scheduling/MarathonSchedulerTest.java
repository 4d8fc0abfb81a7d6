package io.drover.marathon.scheduling;

import static io.drover.marathon.scheduling.TestOffers.offer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.core.AgentId;
import io.drover.core.FrameworkId;
import io.drover.core.HealthCheck;
import io.drover.core.MasterInfo;
import io.drover.core.Offer;
import io.drover.core.StatusSource;
import io.drover.core.TaskId;
import io.drover.core.TaskInfo;
import io.drover.core.TaskState;
import io.drover.core.TaskStatus;
import io.drover.core.TaskStatusReason;
import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.app.KillSelection;
import io.drover.marathon.app.UnreachableStrategy;
import io.drover.marathon.instance.Condition;
import io.drover.marathon.instance.HealthState;
import io.drover.marathon.instance.InMemoryInstanceStore;
import io.drover.marathon.instance.Instance;
import io.drover.marathon.instance.InstanceChange;
import io.drover.marathon.instance.InstanceId;
import io.drover.marathon.instance.InstanceTracker;
import io.drover.marathon.instance.KillMode;
import io.drover.marathon.instance.TaskCounts;
import io.drover.marathon.launch.BackoffStrategy;
import io.drover.marathon.launch.LaunchQueue;
import io.drover.marathon.launch.QueueEntry;
import io.drover.marathon.launch.RejectReason;
import io.drover.sdk.ReconcileTask;
import io.drover.sdk.testing.RecordingSchedulerDriver;
import io.drover.testing.FakeClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MarathonSchedulerTest {
  private static final String BIG = "cpus:8;mem:8192;ports:[31000-31100]";
  private static final BackoffStrategy BACKOFF = new BackoffStrategy(Duration.ofSeconds(10), 2, Duration.ofSeconds(60));

  private final FakeClock clock = new FakeClock();
  /** marathon-app's own checks see every port down. */
  private final ScheduledExecutorService probes = Executors.newSingleThreadScheduledExecutor();
  private final HostHealthChecks hostChecks = new HostHealthChecks(probes, (check, host, port) -> Optional.of("refused"), clock);
  private final InMemoryInstanceStore store = new InMemoryInstanceStore();
  private final InstanceTracker tracker = new InstanceTracker(store);
  private final LaunchQueue queue = new LaunchQueue(clock);
  private final AtomicLong uuids = new AtomicLong();
  private final InMemoryFrameworkIdStore frameworkIds = new InMemoryFrameworkIdStore();
  private final MarathonScheduler scheduler =
      new MarathonScheduler(
          SchedulerConfig.DEFAULTS, tracker, queue, new OfferMatcher(() -> new UUID(0, uuids.incrementAndGet()), false), frameworkIds, hostChecks, clock);
  private final RecordingSchedulerDriver driver = new RecordingSchedulerDriver();
  private final List<InstanceChange> changes = new ArrayList<>();

  private static RunSpec.Builder web() {
    return RunSpec.builder("/web", "v1").resources(1, 128, 0, 0).cmd("serve").backoff(BACKOFF);
  }

  @BeforeEach
  void subscribe() {
    scheduler.start(driver);
    scheduler.addInstanceListener(changes::add);
    scheduler.subscribed(driver, FrameworkId.of("fw-1"), new MasterInfo("m1", "localhost", 5055, 5050, 1, "0.1"));
  }

  private void offers(String... agents) {
    List<Offer> batch = new ArrayList<>();
    for (String agent : agents) {
      batch.add(offer(agent, BIG));
    }
    scheduler.resourceOffers(driver, batch);
  }

  private List<InstanceId> launchedIds() {
    return driver.launched().stream().map(t -> InstanceId.of(t.id()).orElseThrow()).toList();
  }

  private Instance instance(InstanceId id) {
    return tracker.get(id).orElseThrow();
  }

  private void report(InstanceId id, TaskState state) {
    report(id, state, Optional.empty());
  }

  private void report(InstanceId id, TaskState state, Optional<Boolean> healthy) {
    AgentId agent = tracker.get(id).map(Instance::agentId).orElse(AgentId.of("a1"));
    scheduler.statusUpdate(
        driver, new TaskStatus(id.taskId(), state, Optional.of(agent), Optional.empty(), TaskStatusReason.NONE, state.name(), healthy, StatusSource.SOURCE_AGENT, clock.instant()));
  }

  /** Reports each instance running, one second apart, in the order given. */
  private void allRunning(List<InstanceId> ids) {
    for (InstanceId id : ids) {
      clock.advance(Duration.ofSeconds(1));
      report(id, TaskState.TASK_RUNNING);
    }
  }

  private Map<String, Long> perAgent() {
    return tracker.instancesOf("/web").stream().filter(Instance::isCounted).collect(Collectors.groupingBy(i -> i.agentId().value(), Collectors.counting()));
  }

  @Test
  void scalesToSixSpreadTwoPerAgentThenToNineAndBackToThreeOnePerAgent() {
    scheduler.scale(web().build(), 6);
    offers("a1", "a2", "a3");

    assertThat(driver.launched()).hasSize(6);
    assertThat(perAgent()).containsOnly(Map.entry("a1", 2L), Map.entry("a2", 2L), Map.entry("a3", 2L));
    allRunning(launchedIds());

    scheduler.scale(web().build(), 9);
    offers("a1", "a2", "a3");

    assertThat(driver.launched()).hasSize(9);
    assertThat(perAgent()).containsOnly(Map.entry("a1", 3L), Map.entry("a2", 3L), Map.entry("a3", 3L));
    allRunning(launchedIds().subList(6, 9));

    scheduler.scale(web().build(), 3);

    assertThat(driver.killed()).hasSize(6).doesNotHaveDuplicates();
    driver.killed().forEach(taskId -> report(InstanceId.of(taskId).orElseThrow(), TaskState.TASK_KILLED));
    assertThat(tracker.instancesOf("/web")).extracting(Instance::hostname).containsExactlyInAnyOrder("a1", "a2", "a3");
    assertThat(queue.isEmpty()).as("killed for scaling down: not replaced").isTrue();
    assertThat(queue.delay("/web", "v1")).as("nor held back").isEmpty();
    offers("a1", "a2", "a3");
    assertThat(driver.launched()).hasSize(9);
  }

  @Test
  void oldestFirstKillsTheOldest() {
    RunSpec spec = web().killSelection(KillSelection.OLDEST_FIRST).build();
    scheduler.scale(spec, 3);
    offers("a1", "a2", "a3");
    allRunning(launchedIds());

    scheduler.scale(spec, 1);

    assertThat(driver.killed()).containsExactlyInAnyOrder(launchedIds().get(0).taskId(), launchedIds().get(1).taskId());
  }

  @Test
  void suppressesOffersWhenIdleAndRevivesWhenWorkArrives() {
    assertThat(driver.offerInterest).as("nothing to launch after subscribing").containsExactly("suppress");
    offers("a1");
    assertThat(driver.declines.get(0).filters().refuse()).as("declined for long while idle").isEqualTo(Duration.ofSeconds(120));

    scheduler.scale(web().build(), 2);

    assertThat(driver.offerInterest).containsExactly("suppress", "revive");
    scheduler.resourceOffers(driver, List.of(offer("a1", "cpus:1;mem:8192"), offer("a2", "cpus:0.5;mem:8192")));
    assertThat(driver.launched()).hasSize(1);
    assertThat(driver.declines.get(1).filters().refuse()).as("declined briefly while instances wait").isEqualTo(Duration.ofSeconds(5));
    assertThat(driver.lastOfferInterest()).as("one instance still waits").isEqualTo("revive");

    offers("a3");

    assertThat(driver.launched()).hasSize(2);
    assertThat(driver.offerInterest).containsExactly("suppress", "revive", "suppress");
  }

  @Test
  void revivesWheneverMoreMayLaunchThanBeforeEvenWhileOffersFlow() {
    scheduler.scale(web().build(), 1);
    scheduler.resourceOffers(driver, List.of(offer("a1", "cpus:0.5;mem:8192")));
    assertThat(driver.offerInterest).as("the instance still waits: offers flow").containsExactly("suppress", "revive");

    scheduler.scale(RunSpec.builder("/db", "v1").resources(1, 128, 0, 0).cmd("db").backoff(BACKOFF).build(), 2);
    assertThat(driver.offerInterest).as("at most one revive per interval").containsExactly("suppress", "revive");
    clock.advance(SchedulerConfig.DEFAULTS.minReviveInterval());
    scheduler.tick();

    assertThat(driver.offerInterest).as("the filters of the declined offers are lifted for the new instances").containsExactly("suppress", "revive", "revive");
    clock.advance(SchedulerConfig.DEFAULTS.minReviveInterval());
    scheduler.resourceOffers(driver, List.of(offer("a1", "cpus:0.5;mem:8192")));
    scheduler.tick();
    assertThat(driver.offerInterest).as("nothing more may launch than before").hasSize(3);
  }

  @Test
  void aLoneOfferLeavesTheAgentsThatOfferedLatelyTheirShareOfTheSpread() {
    offers("a1", "a2", "a3");
    scheduler.scale(web().build(), 6);

    offers("a3");
    assertThat(perAgent()).containsOnly(Map.entry("a3", 2L));

    offers("a1", "a2");
    assertThat(perAgent()).containsOnly(Map.entry("a1", 2L), Map.entry("a2", 2L), Map.entry("a3", 2L));
  }

  @Test
  void anAgentTheBatchFilledHoldsNoShareOfTheNextBatch() {
    scheduler.scale(web().build(), 6);
    scheduler.resourceOffers(driver, List.of(offer("a1", "cpus:1;mem:8192"), offer("a2", BIG), offer("a3", BIG)));
    assertThat(perAgent()).containsOnly(Map.entry("a1", 1L), Map.entry("a2", 2L), Map.entry("a3", 2L));

    offers("a2");

    assertThat(perAgent()).as("a1 has no room left, a3 has").containsOnly(Map.entry("a1", 1L), Map.entry("a2", 3L), Map.entry("a3", 2L));
  }

  @Test
  void agentsThatHaveNotOfferedForTwiceTheDeclineFilterHoldNoShare() {
    offers("a1", "a2");
    clock.advance(SchedulerConfig.DEFAULTS.declineRefuse().multipliedBy(2));
    scheduler.scale(web().build(), 6);

    offers("a3");

    assertThat(perAgent()).containsOnly(Map.entry("a3", 6L));
  }

  @Test
  void theQueueReportsWhyOffersWereRejected() {
    scheduler.scale(web().resources(2, 128, 0, 0).build(), 1);

    scheduler.resourceOffers(driver, List.of(offer("a1", "cpus:1;mem:8192"), offer("a2", "cpus:4;mem:64")));

    QueueEntry entry = queue.entries().get(0);
    assertThat(entry.count()).isEqualTo(1);
    assertThat(entry.processedOffersSummary().processedOffersCount()).isEqualTo(2);
    assertThat(entry.processedOffersSummary().unusedOffersCount()).isEqualTo(2);
    assertThat(entry.processedOffersSummary().rejectSummaryLastOffers())
        .filteredOn(c -> c.declined() > 0)
        .extracting(c -> c.reason())
        .containsExactly(RejectReason.INSUFFICIENT_CPUS, RejectReason.INSUFFICIENT_MEMORY);
  }

  @Test
  void anUnknownTaskReportedByTheMasterIsKilled() {
    TaskId stray = TaskId.of("old_app.00000000-0000-0000-0000-00000000002a");
    scheduler.statusUpdate(
        driver,
        new TaskStatus(stray, TaskState.TASK_RUNNING, Optional.of(AgentId.of("a7")), Optional.empty(), TaskStatusReason.RECONCILIATION, "", Optional.empty(), StatusSource.SOURCE_MASTER, clock.instant()));
    scheduler.statusUpdate(
        driver,
        new TaskStatus(TaskId.of("not-an-instance"), TaskState.TASK_FINISHED, Optional.of(AgentId.of("a7")), Optional.empty(), TaskStatusReason.NONE, "", Optional.empty(), StatusSource.SOURCE_AGENT, clock.instant()));

    assertThat(driver.kills).containsExactly(new RecordingSchedulerDriver.Kill(stray, AgentId.of("a7")));
    assertThat(tracker.all()).isEmpty();
  }

  @Test
  void reconcilesTheKnownInstancesOnEverySubscription() {
    scheduler.scale(web().build(), 2);
    offers("a1", "a2");

    scheduler.subscribed(driver, FrameworkId.of("fw-1"), new MasterInfo("m2", "localhost", 5055, 5050, 2, "0.1"));

    assertThat(frameworkIds.load()).contains(FrameworkId.of("fw-1"));
    assertThat(driver.reconciles).hasSize(1);
    assertThat(driver.reconciles.get(0))
        .containsExactlyInAnyOrderElementsOf(launchedIds().stream().map(id -> ReconcileTask.of(id.taskId(), instance(id).agentId())).toList());
  }

  @AfterEach
  void stopProbing() {
    probes.shutdownNow();
  }

  /**
   * Launches one instance of an app with an HTTP check the agent runs and a TCP check marathon-app runs
   * (nothing listens, so it fails), killing after so many consecutive failures (0: never); the agent calls it healthy.
   */
  private InstanceId runningWithAgentAndHostCheck(int agentCheckMaxFailures, int hostCheckMaxFailures) {
    HealthCheck agent = new HealthCheck(HealthCheck.Protocol.HTTP, "/", 0, "", Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(2), agentCheckMaxFailures);
    HealthCheck fromHere = new HealthCheck(HealthCheck.Protocol.TCP, "", 0, "", Duration.ZERO, Duration.ofMillis(20), Duration.ofSeconds(1), hostCheckMaxFailures);
    scheduler.scale(web().port(PortSpec.definition(0, "", "tcp", Map.of(), false)).healthChecks(List.of(agent, fromHere)).build(), 1);
    offers("a1");
    InstanceId first = launchedIds().get(0);
    report(first, TaskState.TASK_RUNNING, Optional.of(true));
    return first;
  }

  @Test
  void anInstanceFailingAHealthCheckMarathonAppRunsIsKilledWhileTheAgentSaysHealthy() {
    InstanceId first = runningWithAgentAndHostCheck(3, 2);

    scheduler.tick();
    await().atMost(Duration.ofSeconds(10)).until(() -> hostChecks.results(first).size() == 1 && hostChecks.results(first).get(0).consecutiveFailures() >= 2);
    assertThat(driver.kills).isEmpty();
    scheduler.tick();

    assertThat(driver.killed()).containsExactly(first.taskId());
    report(first, TaskState.TASK_KILLED);
    assertThat(queue.delay("/web", "v1")).as("an unhealthy kill holds launches back").isPresent();
    scheduler.tick();
    assertThat(hostChecks.results(first)).as("no longer probed").isEmpty();
  }

  @Test
  void anInstanceTheAgentCallsHealthyCountsAsUnhealthyWhileACheckMarathonAppRunsFails() {
    InstanceId first = runningWithAgentAndHostCheck(0, 0);
    assertThat(tracker.counts("/web")).as("the other check has not answered yet").isEqualTo(new TaskCounts(0, 1, 0, 0));

    await().atMost(Duration.ofSeconds(10)).until(() -> {
      scheduler.tick();
      return tracker.counts("/web").unhealthy() == 1;
    });

    assertThat(tracker.counts("/web").healthy()).isZero();
    assertThat(instance(first).hostChecks()).containsExactly(HealthState.UNHEALTHY);
    assertThat(driver.kills).as("maxConsecutiveFailures 0 never kills").isEmpty();
    assertThat(changes).filteredOn(InstanceChange::healthChanged).extracting(c -> c.instance().health()).containsExactly(HealthState.UNHEALTHY);
  }

  @Test
  void anInstanceOfARetiredVersionIsNotJudgedByTheChecksOfTheNewOne() {
    HealthCheck agent = new HealthCheck(HealthCheck.Protocol.HTTP, "/", 0, "", Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(2), 0);
    HealthCheck fromHere = new HealthCheck(HealthCheck.Protocol.TCP, "", 0, "", Duration.ZERO, Duration.ofMillis(20), Duration.ofSeconds(1), 1);
    RunSpec.Builder withPort = web().port(PortSpec.definition(0, "", "tcp", Map.of(), false));
    scheduler.scale(withPort.healthChecks(List.of(agent)).build(), 1);
    offers("a1");
    InstanceId old = launchedIds().get(0);
    report(old, TaskState.TASK_RUNNING, Optional.of(true));

    scheduler.retireOtherVersions("/web", "v2");
    scheduler.scale(withPort.version("v2").healthChecks(List.of(agent, fromHere)).build(), 2);
    offers("a1");
    InstanceId fresh = launchedIds().get(1);
    report(fresh, TaskState.TASK_RUNNING, Optional.of(true));
    await().atMost(Duration.ofSeconds(10)).until(() -> {
      scheduler.tick();
      return instance(fresh).health() == HealthState.UNHEALTHY;
    });

    assertThat(instance(old).health()).isEqualTo(HealthState.HEALTHY);
    assertThat(hostChecks.results(old)).as("not probed").isEmpty();
    assertThat(driver.killed()).containsExactly(fresh.taskId());
  }

  @Test
  void anInstanceFailingItsHealthCheckTooOftenIsKilledAndReplacedAfterTheBackoff() {
    HealthCheck check = new HealthCheck(HealthCheck.Protocol.HTTP, "/", 0, "", Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(2), 3);
    scheduler.scale(web().healthChecks(List.of(check)).build(), 1);
    offers("a1");
    InstanceId first = launchedIds().get(0);
    report(first, TaskState.TASK_RUNNING, Optional.of(true));
    assertThat(tracker.counts("/web").healthy()).isEqualTo(1);

    report(first, TaskState.TASK_RUNNING, Optional.of(false));
    report(first, TaskState.TASK_RUNNING, Optional.of(false));
    assertThat(driver.kills).as("two failures of three allowed").isEmpty();
    assertThat(tracker.counts("/web").unhealthy()).isEqualTo(1);
    report(first, TaskState.TASK_RUNNING, Optional.of(false));

    assertThat(driver.killed()).containsExactly(first.taskId());
    report(first, TaskState.TASK_KILLED);
    assertThat(queue.wanted("/web", "v1")).isEqualTo(1);
    assertThat(queue.delay("/web", "v1")).as("an unhealthy kill holds launches back").isPresent();
    offers("a1");
    assertThat(driver.launched()).as("not before the backoff").hasSize(1);

    clock.advance(BACKOFF.backoff());
    offers("a1");

    assertThat(driver.launched()).hasSize(2);
    assertThat(changes).filteredOn(InstanceChange::expunged).extracting(c -> c.instance().condition()).containsExactly(Condition.KILLED);
  }

  @Test
  void anAgentThatReportsOnlyChangesOfHealthGetsTheInstanceKilledAfterThatManyIntervals() {
    HealthCheck check = new HealthCheck(HealthCheck.Protocol.TCP, "", 0, "", Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(2), 3);
    scheduler.scale(web().healthChecks(List.of(check)).build(), 1);
    offers("a1");
    InstanceId first = launchedIds().get(0);
    report(first, TaskState.TASK_RUNNING, Optional.of(false));

    clock.advance(Duration.ofSeconds(29));
    scheduler.tick();
    assertThat(driver.kills).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    scheduler.tick();

    assertThat(driver.killed()).containsExactly(first.taskId());
  }

  @Test
  void aFailedInstanceIsReplacedAfterABackoffThatGrowsWithEachFailure() {
    scheduler.scale(web().build(), 1);
    offers("a1");
    report(launchedIds().get(0), TaskState.TASK_FAILED);
    assertThat(queue.delay("/web", "v1").orElseThrow().delay()).isEqualTo(Duration.ofSeconds(10));

    clock.advance(Duration.ofSeconds(10));
    offers("a1");
    report(launchedIds().get(1), TaskState.TASK_FAILED);

    assertThat(queue.delay("/web", "v1").orElseThrow().delay()).isEqualTo(Duration.ofSeconds(20));
    scheduler.resetDelay("/web");
    offers("a1");
    assertThat(driver.launched()).hasSize(3);
  }

  @Test
  void anUnreachableInstanceIsReplacedAfterInactiveAfterAndWhenItComesBackTheYoungestGoes() {
    RunSpec spec = web().unreachableStrategy(UnreachableStrategy.enabled(60, 600)).build();
    scheduler.scale(spec, 2);
    offers("a1", "a2");
    allRunning(launchedIds());
    InstanceId lost = launchedIds().stream().filter(id -> instance(id).agentId().value().equals("a1")).findFirst().orElseThrow();

    report(lost, TaskState.TASK_UNREACHABLE);
    clock.advance(Duration.ofSeconds(59));
    scheduler.tick();
    assertThat(queue.isEmpty()).as("still waited for").isTrue();
    clock.advance(Duration.ofSeconds(1));
    scheduler.tick();

    assertThat(instance(lost).condition()).isEqualTo(Condition.UNREACHABLE_INACTIVE);
    assertThat(queue.wanted("/web", "v1")).isEqualTo(1);
    offers("a3");
    InstanceId replacement = launchedIds().get(2);
    assertThat(instance(replacement).agentId()).isEqualTo(AgentId.of("a3"));
    clock.advance(Duration.ofSeconds(5));
    report(replacement, TaskState.TASK_RUNNING);

    clock.advance(Duration.ofSeconds(30));
    report(lost, TaskState.TASK_RUNNING);

    assertThat(driver.killed()).containsExactly(replacement.taskId());
    assertThat(instance(lost).isCounted()).isTrue();
  }

  @Test
  void anInstanceUnreachableForLongerThanExpungeAfterIsForgottenAndKilled() {
    RunSpec spec = web().unreachableStrategy(UnreachableStrategy.enabled(60, 300)).build();
    scheduler.scale(spec, 1);
    offers("a1");
    InstanceId lost = launchedIds().get(0);
    report(lost, TaskState.TASK_RUNNING);
    report(lost, TaskState.TASK_UNREACHABLE);

    clock.advance(Duration.ofSeconds(60));
    scheduler.tick();
    clock.advance(Duration.ofSeconds(239));
    scheduler.tick();
    assertThat(tracker.get(lost)).isPresent();
    clock.advance(Duration.ofSeconds(1));
    scheduler.tick();

    assertThat(tracker.get(lost)).isEmpty();
    assertThat(driver.killed()).containsExactly(lost.taskId());
  }

  @Test
  void marathonsDefaultUnreachableStrategyReplacesAtOnce() {
    scheduler.scale(web().build(), 1);
    offers("a1");
    InstanceId lost = launchedIds().get(0);
    report(lost, TaskState.TASK_RUNNING);

    report(lost, TaskState.TASK_UNREACHABLE);

    assertThat(tracker.get(lost)).isEmpty();
    assertThat(queue.wanted("/web", "v1")).isEqualTo(1);
    assertThat(queue.delay("/web", "v1")).as("not the app's fault").isEmpty();
  }

  @Test
  void killingWithoutScalingReplacesTheInstanceAndWithScalingLowersTheTarget() {
    scheduler.scale(web().build(), 3);
    offers("a1", "a2", "a3");
    allRunning(launchedIds());
    InstanceId restarted = launchedIds().get(0);
    InstanceId removed = launchedIds().get(1);

    scheduler.kill(List.of(restarted), KillMode.RESTART);
    scheduler.kill(List.of(removed), KillMode.SCALE_DOWN);

    assertThat(driver.killed()).containsExactly(restarted.taskId(), removed.taskId());
    assertThat(scheduler.target("/web", "v1")).hasValue(2);
    assertThat(queue.isEmpty()).as("the restarted one counts until it has ended").isTrue();
    report(restarted, TaskState.TASK_KILLED);
    report(removed, TaskState.TASK_KILLED);
    assertThat(queue.wanted("/web", "v1")).isEqualTo(1);
    assertThat(queue.delay("/web", "v1")).isEmpty();
  }

  @Test
  void aWipedInstanceIsForgottenAtOnceReplacedWithoutWaitingAndItsLaterReportsAreAnUnknownTasks() {
    scheduler.scale(web().build(), 2);
    offers("a1", "a2");
    allRunning(launchedIds());
    InstanceId wiped = launchedIds().get(0);
    report(wiped, TaskState.TASK_UNREACHABLE);

    scheduler.kill(List.of(wiped), KillMode.WIPE);

    assertThat(tracker.get(wiped)).isEmpty();
    assertThat(store.stored()).doesNotContainKey(wiped);
    assertThat(driver.killed()).containsExactly(wiped.taskId());
    assertThat(queue.wanted("/web", "v1")).as("replaced at once").isEqualTo(1);
    assertThat(scheduler.target("/web", "v1")).hasValue(2);
    report(wiped, TaskState.TASK_RUNNING);
    assertThat(driver.killed()).as("an unknown task now").containsExactly(wiped.taskId(), wiped.taskId());
    assertThat(tracker.get(wiped)).isEmpty();
    assertThat(queue.delay("/web", "v1")).isEmpty();
  }

  @Test
  void aKillNotAnsweredIsSentAgain() {
    scheduler.scale(web().build(), 1);
    offers("a1");
    InstanceId only = launchedIds().get(0);
    report(only, TaskState.TASK_RUNNING);
    scheduler.scale(web().build(), 0);
    assertThat(driver.killed()).containsExactly(only.taskId());

    clock.advance(Duration.ofSeconds(29));
    scheduler.tick();
    assertThat(driver.killed()).hasSize(1);
    clock.advance(Duration.ofSeconds(1));
    scheduler.tick();

    assertThat(driver.killed()).containsExactly(only.taskId(), only.taskId());
  }

  @Test
  void removingAnAppForgetsItsUnreachableInstancesAtOnce() {
    scheduler.scale(web().unreachableStrategy(UnreachableStrategy.DISABLED).build(), 2);
    offers("a1", "a2");
    allRunning(launchedIds());
    report(launchedIds().get(0), TaskState.TASK_UNREACHABLE);

    scheduler.removeApp("/web");

    assertThat(driver.killed()).hasSize(2);
    assertThat(tracker.instancesOf("/web")).extracting(Instance::id).containsExactly(launchedIds().get(1));
  }

  @Test
  void aLaunchThatCouldNotBeSentIsForgotten() {
    scheduler.scale(web().build(), 1);
    driver.subscribed = false;

    offers("a1");

    assertThat(tracker.all()).isEmpty();
    assertThat(queue.wanted("/web", "v1")).isEqualTo(1);
    assertThat(store.stored()).isEmpty();
  }

  @Test
  void aNewVersionRollsInWhileTheOldOneIsScaledDown() {
    scheduler.scale(web().build(), 2);
    offers("a1", "a2");
    allRunning(launchedIds());
    RunSpec v2 = web().version("v2").build();

    scheduler.scale(v2, 2);
    offers("a1", "a2");
    scheduler.scale(web().build(), 0);

    assertThat(driver.killed()).containsExactlyInAnyOrder(launchedIds().get(0).taskId(), launchedIds().get(1).taskId());
    assertThat(tracker.instancesOf("/web")).filteredOn(Instance::isCounted).extracting(Instance::appVersion).containsOnly("v2");
    assertThat(scheduler.target("/web", "v1")).isEmpty();
  }

  @Test
  void removingAnAppKillsItsInstancesAndForgetsIt() {
    scheduler.scale(web().build(), 2);
    offers("a1", "a2");

    scheduler.removeApp("/web");

    assertThat(driver.killed()).hasSize(2);
    assertThat(queue.isEmpty()).isTrue();
    assertThat(driver.lastOfferInterest()).isEqualTo("suppress");
  }

  @Test
  void aGlobalAppRunsOnceOnEveryAgentAndFollowsAgentsAsTheyComeAndGo() {
    RunSpec global = web().labels(Map.of(AppDefinition.MODE_LABEL, AppDefinition.GLOBAL_MODE)).build();
    scheduler.scale(global, AppScheduling.EVERY_AGENT);
    assertThat(driver.lastOfferInterest()).as("a global app listens for new agents").isEqualTo("revive");

    offers("a1", "a2");
    offers("a1", "a2");
    assertThat(perAgent()).containsOnly(Map.entry("a1", 1L), Map.entry("a2", 1L));
    allRunning(launchedIds());
    assertThat(driver.lastOfferInterest()).as("not suppressed while a global app runs").isEqualTo("revive");

    offers("a3", "a1");

    assertThat(perAgent()).containsOnly(Map.entry("a1", 1L), Map.entry("a2", 1L), Map.entry("a3", 1L));
    InstanceId onA2 = launchedIds().stream().filter(id -> instance(id).agentId().value().equals("a2")).findFirst().orElseThrow();
    scheduler.agentLost(driver, AgentId.of("a2"));
    report(onA2, TaskState.TASK_GONE);
    offers("a1", "a3");

    assertThat(perAgent()).containsOnly(Map.entry("a1", 1L), Map.entry("a3", 1L));
    assertThat(queue.isEmpty()).isTrue();
  }

  @Test
  void aGlobalAppKeepsToTheAgentsItsConstraintsAllow() {
    RunSpec global =
        web().labels(Map.of(AppDefinition.MODE_LABEL, AppDefinition.GLOBAL_MODE))
            .constraints(List.of(io.drover.marathon.constraint.ConstraintParser.parse(List.of("rack", "IS", "r1"))))
            .build();
    scheduler.scale(global, AppScheduling.EVERY_AGENT);

    scheduler.resourceOffers(driver, List.of(offer("a1", BIG, "rack:r1"), offer("a2", BIG, "rack:r2"), offer("a3", BIG, "rack:r1")));

    assertThat(driver.launched()).extracting(TaskInfo::agentId).containsExactlyInAnyOrder(AgentId.of("a1"), AgentId.of("a3"));
  }
}
