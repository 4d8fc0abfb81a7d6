package io.drover.marathon.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drover.marathon.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppDefinitionJsonTest {
  private final ObjectMapper json = MarathonJson.mapper();

  @ParameterizedTest
  @ValueSource(strings = {"docker-app.json", "command-app.json", "docker-networks-app.json"})
  void fixturesRoundTripWithoutLosingAField(String fixture) throws Exception {
    AppDefinition app = json.readValue(Fixtures.text(fixture), AppDefinition.class);
    JsonNode written = json.valueToTree(app);

    Fixtures.assertContains(Fixtures.tree(fixture), written, "");
    assertThat(json.treeToValue(written, AppDefinition.class)).isEqualTo(app);
  }

  @Test
  void dockerAppFieldsLandInTheirRecords() throws Exception {
    AppDefinition app = json.readValue(Fixtures.text("docker-app.json"), AppDefinition.class);

    assertThat(app.id()).isEqualTo(PathId.of("prod", "web"));
    assertThat(app.isDocker()).isTrue();
    assertThat(app.container().docker().image()).isEqualTo("busybox:1");
    assertThat(app.container().docker().parameters()).containsExactly(new DockerParameter("hostname", "web.prod"));
    assertThat(app.container().portMappings())
        .extracting(PortMapping::containerPort, PortMapping::hostPort, PortMapping::name)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(8080, 0, "http"), org.assertj.core.groups.Tuple.tuple(9090, 31555, "admin"));
    assertThat(app.container().volumes()).containsExactly(new Volume("/www", "/srv/www", VolumeMode.RO));
    assertThat(app.portCount()).isEqualTo(2);
    assertThat(app.constraints())
        .containsExactly(
            new Constraint("hostname", "UNIQUE", null), new Constraint("rack", "GROUP_BY", "3"), new Constraint("zone", "LIKE", "eu-.*"));
    assertThat(app.healthChecks().get(0).path()).isEqualTo("/health");
    assertThat(app.healthChecks().get(1).protocol()).isEqualTo(HealthCheckProtocol.TCP);
    assertThat(app.upgradeStrategy()).isEqualTo(new UpgradeStrategy(0.5, 0.2));
    assertThat(app.killSelection()).isEqualTo(KillSelection.OLDEST_FIRST);
    assertThat(app.unreachableStrategy()).isEqualTo(UnreachableStrategy.enabled(60, 600));
    assertThat(app.dependencies()).containsExactly(PathId.of("prod", "db"));
    assertThat(app.version()).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
    assertThat(app.versionInfo().lastConfigChangeAt()).isEqualTo(Instant.parse("2024-04-30T08:15:00.123Z"));
  }

  @Test
  void absentFieldsTakeMarathonsDefaults() throws Exception {
    AppDefinition app = json.readValue("{\"id\":\"/a\",\"cmd\":\"sleep 100\"}", AppDefinition.class);

    assertThat(app.instances()).isEqualTo(1);
    assertThat(app.cpus()).isEqualTo(1.0);
    assertThat(app.mem()).isEqualTo(128.0);
    assertThat(app.disk()).isEqualTo(0.0);
    assertThat(app.backoffSeconds()).isEqualTo(1.0);
    assertThat(app.backoffFactor()).isEqualTo(1.15);
    assertThat(app.maxLaunchDelaySeconds()).isEqualTo(300.0);
    assertThat(app.killSelection()).isEqualTo(KillSelection.YOUNGEST_FIRST);
    assertThat(app.upgradeStrategy()).isEqualTo(new UpgradeStrategy(1.0, 1.0));
    assertThat(app.unreachableStrategy()).isEqualTo(UnreachableStrategy.enabled(0, 0));
    assertThat(app.networks()).containsExactly(Network.HOST);
    assertThat(app.portDefinitions()).containsExactly(new PortDefinition(0, "tcp", null, Map.of()));
    assertThat(app.requirePorts()).isFalse();
    assertThat(app.args()).isNull();
    assertThat(app.env()).isEmpty();
    assertThat(app.labels()).isEmpty();
    assertThat(app.constraints()).isEmpty();
    assertThat(app.healthChecks()).isEmpty();
    assertThat(app.dependencies()).isEmpty();
  }

  @Test
  void healthCheckDefaultsFollowMarathon() throws Exception {
    HealthCheck check = json.readValue("{}", HealthCheck.class);

    assertThat(check)
        .isEqualTo(new HealthCheck(HealthCheckProtocol.HTTP, "/", 0, null, null, 300, 60, 20, 3, 15, false));
    assertThat(json.readValue("{\"protocol\":\"COMMAND\",\"command\":{\"value\":\"true\"}}", HealthCheck.class).portIndex())
        .isNull();
  }

  @Test
  void marathon14DockerNetworkingIsMovedToTheCurrentPlaces() throws Exception {
    String legacy =
        "{\"id\":\"/web\",\"container\":{\"type\":\"DOCKER\",\"docker\":{\"image\":\"nginx\",\"network\":\"BRIDGE\","
            + "\"portMappings\":[{\"containerPort\":80,\"hostPort\":0}]}}}";

    AppDefinition app = json.readValue(legacy, AppDefinition.class);
    JsonNode written = json.valueToTree(app);

    assertThat(app.networks()).containsExactly(Network.BRIDGE);
    assertThat(app.container().portMappings()).hasSize(1);
    assertThat(app.portDefinitions()).isEmpty();
    assertThat(written.at("/container/docker").has("network")).isFalse();
    assertThat(written.at("/container/docker").has("portMappings")).isFalse();
    assertThat(written.at("/container/portMappings/0/containerPort").asInt()).isEqualTo(80);
    assertThat(written.at("/networks/0/mode").asText()).isEqualTo("container/bridge");
  }

  @Test
  void droverExtensionsAreReadFromLabels() {
    AppDefinition app =
        AppDefinition.builder(PathId.of("agentd"))
            .cmd("agentd")
            .labels(
                Map.of(
                    AppDefinition.MODE_LABEL, "global",
                    AppDefinition.PROGRESS_DEADLINE_LABEL, "120",
                    AppDefinition.ROLLBACK_ON_FAILURE_LABEL, "true"))
            .build();

    assertThat(app.global()).isTrue();
    assertThat(app.progressDeadline()).contains(java.time.Duration.ofSeconds(120));
    assertThat(app.rollbackOnFailure()).isTrue();
    assertThat(AppDefinition.command(PathId.of("x"), "true").global()).isFalse();
    assertThat(AppDefinition.command(PathId.of("x"), "true").progressDeadline()).isEmpty();
  }

  @Test
  void scalingIsNotARestartButAnyOtherChangeIs() {
    AppDefinition app = AppDefinition.command(PathId.of("a"), "sleep 1").withVersion(Instant.EPOCH, null);

    assertThat(app.withInstances(7).withVersion(Instant.now(), null).needsRestartFrom(app)).isFalse();
    assertThat(app.toBuilder().cmd("sleep 2").build().needsRestartFrom(app)).isTrue();
    assertThat(app.toBuilder().env(Map.of("A", "1")).build().needsRestartFrom(app)).isTrue();
    assertThat(app.toBuilder().constraints(List.of(new Constraint("hostname", "UNIQUE", null))).build().needsRestartFrom(app)).isTrue();
  }

  @Test
  void appViewAddsReadOnlyFieldsAfterTheDefinition() {
    AppDefinition app = AppDefinition.command(PathId.of("a"), "sleep 1");
    AppView view =
        AppView.of(app).withCounts(new AppCounts(1, 2, 2, 0)).withDeployments(List.of(new DeploymentRef("d1")));

    JsonNode written = json.valueToTree(view);

    assertThat(written.get("id").asText()).isEqualTo("/a");
    assertThat(written.get("tasksRunning").asInt()).isEqualTo(2);
    assertThat(written.at("/deployments/0/id").asText()).isEqualTo("d1");
    assertThat(written.has("tasks")).isFalse();
    assertThat(written.has("lastTaskFailure")).isFalse();
  }
}
