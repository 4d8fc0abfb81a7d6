package io.drover.master.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drover.core.FrameworkInfo;
import io.drover.core.Resources;
import io.drover.master.Master;
import io.drover.master.OperatorHarness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operator API of a real leading master and of a standby. */
class OperatorApiIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
  private OperatorHarness harness;

  @BeforeEach
  void start() throws Exception {
    harness = new OperatorHarness();
  }

  @AfterEach
  void stop() throws Exception {
    harness.close();
  }

  private HttpResponse<String> get(Master master, String path) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + master.self().httpPort() + path);
    return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void stateShowsAgentsFrameworksTasksAndCounts() throws Exception {
    Master master = harness.leader();
    harness.runOneTask(Resources.cpusMem(4, 2048), FrameworkInfo.named("web", "prod"), "t1");

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      JsonNode state = JSON.readTree(get(master, "/state").body());
      assertThat(state.at("/frameworks/0/tasks/0/state").asText()).isEqualTo("TASK_RUNNING");
    });
    HttpResponse<String> response = get(master, "/state");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    JsonNode state = JSON.readTree(response.body());
    assertThat(state.at("/isLeader").asBoolean()).isTrue();
    assertThat(state.at("/leader/id").asText()).isEqualTo(master.self().id());
    assertThat(state.at("/leader/epoch").asLong()).isEqualTo(1);
    HttpResponse<String> health = get(master, "/admin/healthcheck");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(health.body()).at("/leader/message").asText()).startsWith("leader: " + master.self().id());

    JsonNode agent = state.at("/agents/0");
    assertThat(agent.at("/hostname").asText()).isEqualTo("host1");
    assertThat(agent.at("/active").asBoolean()).isTrue();
    assertThat(agent.at("/url").asText()).as("where its connection comes from, with the port it announced").isEqualTo("http://127.0.0.1:" + agent.at("/port").asInt());
    assertThat(agent.at("/resources/total/cpus").asDouble()).isEqualTo(4.0);
    assertThat(agent.at("/resources/used/cpus").asDouble()).isEqualTo(1.0);
    assertThat(agent.at("/resources/offered")).isNotNull();
    assertThat(agent.at("/attributes/rack").asText()).isEqualTo("r1");
    assertThat(agent.at("/capabilities/0").asText()).isEqualTo("docker");

    JsonNode framework = state.at("/frameworks/0");
    assertThat(framework.at("/name").asText()).isEqualTo("web");
    assertThat(framework.at("/roles/0").asText()).isEqualTo("prod");
    assertThat(framework.at("/active").asBoolean()).isTrue();
    assertThat(framework.at("/dominantShare").asDouble()).as("from the allocator").isGreaterThan(0.0);
    JsonNode task = framework.at("/tasks/0");
    assertThat(task.at("/id").asText()).isEqualTo("t1");
    assertThat(task.at("/agentId").asText()).isEqualTo(agent.at("/id").asText());
    assertThat(task.at("/resources/cpus").asDouble()).isEqualTo(1.0);

    assertThat(state.at("/counts/agents").asInt()).isEqualTo(1);
    assertThat(state.at("/counts/activeFrameworks").asInt()).isEqualTo(1);
    assertThat(state.at("/counts/tasks").asInt()).isEqualTo(1);
    assertThat(state.at("/counts/tasksByState/TASK_RUNNING").asInt()).isEqualTo(1);
  }

  @Test
  void metricsSpeakPrometheusText() throws Exception {
    Master master = harness.leader();
    harness.runOneTask(Resources.cpusMem(2, 1024), FrameworkInfo.named("web"), "t1");

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get(master, "/metrics").body()).contains("drover_master_tasks{state=\"TASK_RUNNING\"} 1.0"));
    HttpResponse<String> response = get(master, "/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    assertThat(response.body())
        .contains("drover_master_agents{state=\"ACTIVE\"} 1.0")
        .contains("drover_master_frameworks{state=\"ACTIVE\"} 1.0")
        .contains("drover_master_offers_total{event=\"sent\"}")
        .contains("drover_master_offers_total{event=\"accepted\"} 1.0")
        .contains("drover_master_offers_total{event=\"declined\"}")
        .contains("drover_master_offers_total{event=\"rescinded\"}")
        .contains("drover_master_allocation_runs_total")
        .contains("drover_master_allocation_duration_seconds_bucket")
        .contains("drover_master_is_leader 1.0");
  }

  @Test
  void healthSaysWhetherItLeadsAndAStandbyRedirectsStateToTheLeader() throws Exception {
    Master leader = harness.leader();
    Master standby = harness.standby();

    assertThat(JSON.readTree(get(leader, "/health").body()).at("/role").asText()).isEqualTo("leading");
    HttpResponse<String> standbyHealth = get(standby, "/health");
    assertThat(standbyHealth.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(standbyHealth.body()).at("/role").asText()).isEqualTo("standby");

    await().atMost(Duration.ofSeconds(20)).until(() -> get(standby, "/state").statusCode() == 307);
    assertThat(get(standby, "/state").headers().firstValue("Location")).contains("http://127.0.0.1:" + leader.self().httpPort() + "/state");
    assertThat(get(standby, "/metrics").body()).contains("drover_master_is_leader 0.0");
  }
}
