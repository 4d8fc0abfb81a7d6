package io.drover.examples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.core.AgentId;
import io.drover.core.Attributes;
import io.drover.core.ContainerInfo;
import io.drover.core.FrameworkId;
import io.drover.core.Offer;
import io.drover.core.OfferId;
import io.drover.core.Resources;
import io.drover.core.StatusSource;
import io.drover.core.TaskId;
import io.drover.core.TaskInfo;
import io.drover.core.TaskState;
import io.drover.core.TaskStatus;
import io.drover.core.TaskStatusReason;
import io.drover.sdk.testing.RecordingSchedulerDriver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HelloSchedulerTest {
  private final RecordingSchedulerDriver driver = new RecordingSchedulerDriver();

  private static HelloSpec spec(int count) {
    return new HelloSpec(count, "echo hi", Resources.cpusMem(0.5, 32), Optional.empty());
  }

  private static Offer offer(String id, String agent, String resources) {
    return new Offer(OfferId.of(id), FrameworkId.of("fw-1"), AgentId.of(agent), agent, Resources.parse(resources), Attributes.NONE);
  }

  private static TaskStatus status(String taskId, TaskState state) {
    return new TaskStatus(
        TaskId.of(taskId), state, Optional.of(AgentId.of("a1")), Optional.of("u-" + taskId), TaskStatusReason.NONE, "", Optional.empty(), StatusSource.SOURCE_AGENT, Instant.EPOCH);
  }

  @Test
  void fitsSeveralTasksPerOfferSpreadsThemAndDeclinesWhatItDoesNotUse() {
    HelloScheduler scheduler = new HelloScheduler(spec(5));

    scheduler.resourceOffers(
        driver, List.of(offer("o1", "a1", "cpus:1;mem:1024"), offer("o2", "a2", "cpus:4;mem:1024"), offer("o3", "a3", "cpus:0.1;mem:1024")));

    assertThat(driver.accepts).allSatisfy(a -> assertThat(a.offerIds()).hasSize(1));
    Map<String, Long> perOffer =
        driver.accepts.stream().collect(Collectors.toMap(a -> a.offerIds().get(0).value(), a -> (long) a.tasks().size()));
    assertThat(perOffer).containsOnly(Map.entry("o1", 2L), Map.entry("o2", 3L));
    assertThat(driver.launched()).extracting(t -> t.id().value()).containsExactlyInAnyOrder("hello-1", "hello-2", "hello-3", "hello-4", "hello-5");
    for (RecordingSchedulerDriver.Accept accept : driver.accepts) {
      String agent = accept.offerIds().get(0).value().equals("o1") ? "a1" : "a2";
      assertThat(accept.tasks()).allSatisfy(t -> assertThat(t.agentId()).isEqualTo(AgentId.of(agent)));
    }
    TaskInfo task = driver.launched().get(0);
    assertThat(task.resources()).isEqualTo(Resources.cpusMem(0.5, 32));
    assertThat(task.command().value()).isEqualTo("echo hi");
    assertThat(task.command().shell()).isTrue();
    assertThat(task.container()).isEmpty();
    assertThat(driver.declines).singleElement().satisfies(d -> assertThat(d.offerIds()).containsExactly(OfferId.of("o3")));
    assertThat(driver.offerInterest).containsExactly("suppress");
  }

  @Test
  void launchesWhatFitsAndTheRestWithLaterOffersThenDeclinesEverything() {
    HelloScheduler scheduler = new HelloScheduler(spec(3));

    scheduler.resourceOffers(driver, List.of(offer("o1", "a1", "cpus:1;mem:1024")));
    assertThat(driver.launched()).hasSize(2);
    assertThat(driver.offerInterest).isEmpty();

    scheduler.resourceOffers(driver, List.of(offer("o2", "a1", "cpus:1;mem:1024"), offer("o3", "a2", "cpus:1;mem:1024")));
    assertThat(driver.launched()).extracting(t -> t.id().value()).containsExactly("hello-1", "hello-2", "hello-3");
    assertThat(driver.accepts.get(1).offerIds()).as("spread: the agent without a hello task").containsExactly(OfferId.of("o3"));
    assertThat(driver.offerInterest).containsExactly("suppress");

    scheduler.resourceOffers(driver, List.of(offer("o4", "a3", "cpus:8;mem:8192")));
    assertThat(driver.launched()).hasSize(3);
    assertThat(driver.declines).last().satisfies(d -> {
      assertThat(d.offerIds()).containsExactly(OfferId.of("o4"));
      assertThat(d.filters().refuse()).isGreaterThan(Duration.ofSeconds(5));
    });
  }

  @Test
  void tasksWhoseLaunchCouldNotBeSentWaitForTheNextOffers() {
    HelloScheduler scheduler = new HelloScheduler(spec(1));
    driver.subscribed = false;
    scheduler.resourceOffers(driver, List.of(offer("o1", "a1", "cpus:1;mem:1024")));
    assertThat(driver.launched()).isEmpty();

    driver.subscribed = true;
    scheduler.resourceOffers(driver, List.of(offer("o2", "a1", "cpus:1;mem:1024")));

    assertThat(driver.launched()).extracting(t -> t.id().value()).containsExactly("hello-1");
  }

  @Test
  void countsEachTaskOnceAndStopsTheDriverWhenAllEnded() {
    HelloScheduler scheduler = new HelloScheduler(spec(4));
    scheduler.resourceOffers(driver, List.of(offer("o1", "a1", "cpus:4;mem:1024")));

    scheduler.statusUpdate(driver, status("hello-1", TaskState.TASK_RUNNING));
    scheduler.statusUpdate(driver, status("hello-1", TaskState.TASK_FINISHED));
    scheduler.statusUpdate(driver, status("hello-1", TaskState.TASK_FINISHED));
    scheduler.statusUpdate(driver, status("someone-else", TaskState.TASK_FAILED));
    scheduler.statusUpdate(driver, status("hello-2", TaskState.TASK_FAILED));
    scheduler.statusUpdate(driver, status("hello-3", TaskState.TASK_LOST));
    assertThat(driver.stops).isEmpty();
    scheduler.statusUpdate(driver, status("hello-4", TaskState.TASK_FINISHED));

    assertThat(driver.stops).containsExactly(false);
    HelloOutcome outcome = scheduler.outcome(false, Duration.ofMillis(3210));
    assertThat(outcome.summary()).isEqualTo("hello: 4 tasks: 2 finished, 1 failed, 1 lost in 3.2 s");
    assertThat(outcome.exitCode()).isEqualTo(1);
  }

  @Test
  void exitsZeroOnlyWhenEveryTaskFinished() {
    HelloScheduler scheduler = new HelloScheduler(spec(2));
    scheduler.resourceOffers(driver, List.of(offer("o1", "a1", "cpus:4;mem:1024")));
    scheduler.statusUpdate(driver, status("hello-1", TaskState.TASK_FINISHED));
    scheduler.statusUpdate(driver, status("hello-2", TaskState.TASK_FINISHED));

    HelloOutcome outcome = scheduler.outcome(false, Duration.ofMillis(500));

    assertThat(outcome.summary()).isEqualTo("hello: 2 tasks: 2 finished, 0 failed, 0 lost in 0.5 s");
    assertThat(outcome.exitCode()).isZero();
  }

  @Test
  void anErrorStopsTheRunAndFailsIt() {
    HelloScheduler scheduler = new HelloScheduler(spec(2));
    scheduler.resourceOffers(driver, List.of(offer("o1", "a1", "cpus:4;mem:1024")));
    scheduler.statusUpdate(driver, status("hello-1", TaskState.TASK_FINISHED));

    scheduler.error(driver, "framework was removed");

    assertThat(driver.stops).containsExactly(false);
    HelloOutcome outcome = scheduler.outcome(false, Duration.ofSeconds(2));
    assertThat(outcome.summary()).isEqualTo("hello: 2 tasks: 1 finished, 0 failed, 0 lost, 1 unfinished in 2.0 s (error: framework was removed)");
    assertThat(outcome.exitCode()).isEqualTo(1);
  }

  @Test
  void aTimedOutRunSaysSo() {
    HelloOutcome outcome = new HelloScheduler(spec(3)).outcome(true, Duration.ofSeconds(300));

    assertThat(outcome.summary()).isEqualTo("hello: 3 tasks: 0 finished, 0 failed, 0 lost, 3 unfinished in 300.0 s (timed out)");
    assertThat(outcome.exitCode()).isEqualTo(1);
  }

  @Test
  void runsTasksInTheDockerImageWhenGivenOne() {
    HelloScheduler scheduler =
        new HelloScheduler(new HelloSpec(1, "echo hi", Resources.cpusMem(0.1, 32), Optional.of(ContainerInfo.docker("busybox:1"))));

    scheduler.resourceOffers(driver, List.of(offer("o1", "a1", "cpus:1;mem:1024")));

    assertThat(driver.launched().get(0).container()).contains(ContainerInfo.docker("busybox:1"));
  }
}
