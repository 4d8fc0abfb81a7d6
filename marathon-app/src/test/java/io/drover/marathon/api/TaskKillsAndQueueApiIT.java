package io.drover.marathon.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.marathon.app.PathId;
import io.drover.marathon.app.TaskView;
import io.drover.marathon.deployment.Deployment;
import io.drover.marathon.instance.InstanceId;
import io.drover.marathon.instance.KillMode;
import io.drover.marathon.launch.ProcessedOffersSummary;
import io.drover.marathon.launch.QueueDelay;
import io.drover.marathon.launch.QueueEntry;
import io.drover.marathon.launch.RejectCount;
import io.drover.marathon.launch.RejectReason;
import io.drover.marathon.storage.MarathonPaths;
import io.drover.testing.EmbeddedZooKeeper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class TaskKillsAndQueueApiIT {
  private static final PathId WEB = PathId.parse("/web");
  private static EmbeddedZooKeeper zooKeeper;
  private static int roots;
  private ApiNode node;
  private final String onA = InstanceId.forApp("/web", UUID.randomUUID()).value();
  private final String alsoOnA = InstanceId.forApp("/web", UUID.randomUUID()).value();
  private final String onB = InstanceId.forApp("/web", UUID.randomUUID()).value();

  @BeforeAll
  static void startZooKeeper() {
    zooKeeper = EmbeddedZooKeeper.start();
  }

  @AfterAll
  static void stopZooKeeper() {
    zooKeeper.close();
  }

  @BeforeEach
  void start() throws Exception {
    node = new ApiNode(zooKeeper, new MarathonPaths("/kills-api-" + roots++), "m1", 64 * 1024);
    node.awaitLeading();
    String deploymentId = node.send("POST", "/v2/apps", "{\"id\":\"/web\",\"cmd\":\"serve\",\"instances\":3}").json().at("/deployments/0/id").asText();
    finish(deploymentId);
    Instant now = Instant.now();
    node.status.tasks.put(WEB, List.of(task(onA, "host-a", now), task(alsoOnA, "host-a", now), task(onB, "host-b", now)));
  }

  @AfterEach
  void stop() throws Exception {
    node.close();
  }

  private static TaskView task(String id, String host, Instant at) {
    return new TaskView(id, WEB, host, "agent-" + host, List.of(31000), List.of(), List.of(), at, at, "TASK_RUNNING", at, List.of());
  }

  private void finish(String deploymentId) {
    Deployment deployment = node.executor.started.stream().filter(d -> d.id().equals(deploymentId)).findFirst().orElseThrow();
    for (int step = 0; step < deployment.plan().steps().size(); step++) {
      node.manager.stepFinished(deploymentId, step);
    }
  }

  private int storedInstances() {
    return node.manager.root().app(WEB).orElseThrow().instances();
  }

  @Test
  void killingAnAppsTasksOnAHostWithoutScaleKeepsTheInstanceCount() {
    ApiNode.Answer answer = node.send("DELETE", "/v2/apps/web/tasks?host=host-a", null);

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().get("tasks")).extracting(JsonNode::toString).hasSize(2);
    assertThat(node.instances.kills).containsExactly(Map.entry(List.of(new InstanceId(onA), new InstanceId(alsoOnA)), KillMode.RESTART));
    assertThat(storedInstances()).isEqualTo(3);
    assertThat(node.executor.started).hasSize(1);
  }

  @Test
  void killingWithScaleLowersTheStoredInstanceCountThroughADeployment() {
    ApiNode.Answer answer = node.send("DELETE", "/v2/apps/web/tasks/" + onB + "?scale=true", null);

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().get("deploymentId").asText()).isNotEmpty();
    assertThat(node.instances.kills).containsExactly(Map.entry(List.of(new InstanceId(onB)), KillMode.SCALE_DOWN));
    assertThat(storedInstances()).isEqualTo(2);
  }

  @Test
  void killingOneTaskWithoutScaleAnswersWithTheTask() {
    ApiNode.Answer answer = node.send("DELETE", "/v2/apps/web/tasks/" + onB, null);

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().at("/task/id").asText()).isEqualTo(onB);
    assertThat(node.send("DELETE", "/v2/apps/web/tasks/" + InstanceId.forApp("/web", UUID.randomUUID()).value(), null).status()).isEqualTo(404);
  }

  @Test
  void wipeForgetsTheInstancesAndCannotBeCombinedWithScale() {
    ApiNode.Answer one = node.send("DELETE", "/v2/apps/web/tasks/" + onB + "?wipe=true", null);
    ApiNode.Answer all = node.send("DELETE", "/v2/apps/web/tasks?host=host-a&wipe=true", null);
    ApiNode.Answer bulk = node.send("POST", "/v2/tasks/delete?wipe=true", "{\"ids\":[\"" + onA + "\"]}");

    assertThat(List.of(one.status(), all.status(), bulk.status())).containsOnly(200);
    assertThat(node.instances.kills)
        .containsExactly(
            Map.entry(List.of(new InstanceId(onB)), KillMode.WIPE),
            Map.entry(List.of(new InstanceId(onA), new InstanceId(alsoOnA)), KillMode.WIPE),
            Map.entry(List.of(new InstanceId(onA)), KillMode.WIPE));
    assertThat(storedInstances()).isEqualTo(3);

    ApiNode.Answer both = node.send("DELETE", "/v2/apps/web/tasks/" + onB + "?wipe=true&scale=true", null);
    assertThat(both.status()).isEqualTo(400);
    assertThat(both.json().get("message").asText()).isEqualTo("You cannot use scale and wipe at the same time.");
    assertThat(node.send("POST", "/v2/tasks/delete?wipe=true&scale=true", "{\"ids\":[]}").status()).isEqualTo(400);
    assertThat(node.instances.kills).hasSize(3);
  }

  @Test
  void tasksDeleteKillsByIdAcrossAppsAndScales() {
    ApiNode.Answer answer = node.send("POST", "/v2/tasks/delete?scale=true", "{\"ids\":[\"" + onA + "\",\"" + onB + "\"]}");

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(node.instances.kills).containsExactly(Map.entry(List.of(new InstanceId(onA), new InstanceId(onB)), KillMode.SCALE_DOWN));
    assertThat(storedInstances()).isEqualTo(1);
  }

  @Test
  void aScalingKillOfALockedAppIsRefusedBeforeAnythingIsKilledUnlessForced() {
    node.send("PUT", "/v2/apps/web", "{\"cmd\":\"serve --v2\",\"instances\":3}");

    ApiNode.Answer refused = node.send("POST", "/v2/tasks/delete?scale=true", "{\"ids\":[\"" + onA + "\"]}");
    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(node.instances.kills).isEmpty();

    ApiNode.Answer forced = node.send("POST", "/v2/tasks/delete?scale=true&force=true", "{\"ids\":[\"" + onA + "\"]}");
    assertThat(forced.status()).as(forced.body()).isEqualTo(200);
    assertThat(storedInstances()).isEqualTo(2);
  }

  @Test
  void tasksFilterByStatus() {
    Instant now = Instant.now();
    node.status.tasks.put(WEB, List.of(task(onA, "host-a", now), new TaskView(onB, WEB, "host-b", "b", List.of(), List.of(), List.of(), now, null, "TASK_STAGING", now, List.of())));

    JsonNode staging = node.get("/v2/tasks?status=staging").json().get("tasks");
    assertThat(staging).hasSize(1);
    assertThat(staging.get(0).get("id").asText()).isEqualTo(onB);
    assertThat(node.get("/v2/tasks").json().get("tasks")).hasSize(2);
  }

  @Test
  void theQueueShowsWaitingAppsWithTheirDelayAndOfferSummaryAndTheDelayCanBeReset() {
    Instant since = Instant.parse("2030-01-01T00:00:00Z");
    node.instances.queue.add(
        new QueueEntry("/web", "v1", 2, since, new QueueDelay(12, false), new ProcessedOffersSummary(5, 4, Optional.of(since), Optional.empty(), List.of(new RejectCount(RejectReason.INSUFFICIENT_CPUS, 4, 5)), List.of())));

    JsonNode entry = node.get("/v2/queue").json().at("/queue/0");
    assertThat(entry.at("/app/id").asText()).isEqualTo("/web");
    assertThat(entry.get("count").asInt()).isEqualTo(2);
    assertThat(entry.at("/delay/timeLeftSeconds").asInt()).isEqualTo(12);
    assertThat(entry.at("/delay/overdue").asBoolean()).isFalse();
    assertThat(entry.at("/processedOffersSummary/processedOffersCount").asInt()).isEqualTo(5);
    assertThat(entry.at("/processedOffersSummary/unusedOffersCount").asInt()).isEqualTo(4);
    assertThat(entry.at("/processedOffersSummary/lastUnusedOfferAt").asText()).isEqualTo("2030-01-01T00:00:00.000Z");
    assertThat(entry.at("/processedOffersSummary/rejectSummaryLastOffers/0/reason").asText()).isEqualTo("InsufficientCpus");
    assertThat(entry.at("/processedOffersSummary/rejectSummaryLastOffers/0/declined").asInt()).isEqualTo(4);

    assertThat(node.send("DELETE", "/v2/queue/web/delay", null).status()).isEqualTo(204);
    assertThat(node.instances.delaysReset).containsExactly("/web");
    assertThat(node.send("DELETE", "/v2/queue/nothing/delay", null).status()).isEqualTo(404);
  }
}
