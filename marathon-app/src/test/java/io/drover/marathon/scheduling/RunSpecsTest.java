package io.drover.marathon.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.core.ContainerInfo;
import io.drover.core.HealthCheck;
import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.app.KillSelection;
import io.drover.marathon.app.MarathonJson;
import io.drover.marathon.app.UnreachableStrategy;
import io.drover.marathon.constraint.ConstraintParser;
import io.drover.marathon.launch.BackoffStrategy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunSpecsTest {
  private static AppDefinition read(String json) throws Exception {
    return MarathonJson.mapper().readValue(json, AppDefinition.class);
  }

  @Test
  void mapsADockerAppWithPortMappingsHealthChecksAndConstraints() throws Exception {
    AppDefinition app =
        read(
            """
            {"id": "/prod/web", "instances": 6, "cpus": 0.25, "mem": 64, "disk": 10,
             "args": ["/bin/httpd", "-f", "-p", "80"],
             "env": {"MODE": "prod"},
             "container": {"type": "DOCKER",
               "docker": {"image": "drover-test/busybox:1", "forcePullImage": true, "privileged": true,
                          "parameters": [{"key": "label", "value": "a=b"}]},
               "portMappings": [{"containerPort": 80, "hostPort": 0, "servicePort": 10000, "name": "http"},
                                {"containerPort": 9000, "name": "internal"}],
               "volumes": [{"containerPath": "/data", "hostPath": "/srv/data", "mode": "RO"}]},
             "constraints": [["hostname", "UNIQUE"], ["rack", "like", "r[12]"]],
             "healthChecks": [{"protocol": "MESOS_HTTP", "path": "/health", "portIndex": 0, "maxConsecutiveFailures": 5}],
             "backoffSeconds": 2, "backoffFactor": 2.5, "maxLaunchDelaySeconds": 600,
             "killSelection": "OLDEST_FIRST", "taskKillGracePeriodSeconds": 9,
             "labels": {"DROVER_MODE": "global"},
             "acceptedResourceRoles": ["*"],
             "unreachableStrategy": {"inactiveAfterSeconds": 60, "expungeAfterSeconds": 600},
             "version": "2030-01-02T00:00:00.000Z",
             "versionInfo": {"lastScalingAt": "2030-01-02T00:00:00.000Z", "lastConfigChangeAt": "2030-01-01T00:00:00.000Z"}}
            """);

    RunSpec spec = RunSpecs.of(app);

    assertThat(spec.appId()).isEqualTo("/prod/web");
    assertThat(spec.version()).as("the last configuration change").isEqualTo("2030-01-01T00:00:00.000Z");
    assertThat(spec.scalarResources().cpus()).isEqualTo(0.25);
    assertThat(spec.scalarResources().disk()).isEqualTo(10);
    assertThat(spec.cmd()).isEmpty();
    assertThat(spec.args()).containsExactly("/bin/httpd", "-f", "-p", "80");
    assertThat(spec.env()).containsEntry("MODE", "prod");
    assertThat(spec.docker().orElseThrow())
        .isEqualTo(
            new DockerSpec(
                "drover-test/busybox:1",
                true,
                List.of(new ContainerInfo.Parameter("label", "a=b"), new ContainerInfo.Parameter("privileged", "true")),
                List.of(new ContainerInfo.Volume("/srv/data", "/data", true))));
    assertThat(spec.ports()).as("the unpublished mapping takes no host port").containsExactly(PortSpec.mapping(80, 0, 10000, "http", "tcp", Map.of()));
    assertThat(spec.constraints())
        .containsExactly(ConstraintParser.parse(List.of("hostname", "UNIQUE")), ConstraintParser.parse(List.of("rack", "LIKE", "r[12]")));
    assertThat(spec.healthCheck())
        .contains(new HealthCheck(HealthCheck.Protocol.HTTP, "/health", 0, "", Duration.ofSeconds(300), Duration.ofSeconds(60), Duration.ofSeconds(20), 5));
    assertThat(spec.backoff()).isEqualTo(new BackoffStrategy(Duration.ofSeconds(2), 2.5, Duration.ofSeconds(600)));
    assertThat(spec.killSelection()).isEqualTo(KillSelection.OLDEST_FIRST);
    assertThat(spec.killGracePeriod()).contains(Duration.ofSeconds(9));
    assertThat(spec.unreachableStrategy()).isEqualTo(UnreachableStrategy.enabled(60, 600));
    assertThat(spec.acceptedResourceRoles()).isEqualTo(Set.of("*"));
    assertThat(spec.isGlobal()).isTrue();
  }

  @Test
  void aCommandAppGetsItsPortDefinitionsAndMarathonsDefaults() throws Exception {
    AppDefinition app =
        read(
            """
            {"id": "/web", "cmd": "python3 -m http.server $PORT0", "requirePorts": true,
             "portDefinitions": [{"port": 31080, "name": "http"}, {"port": 0}],
             "healthChecks": [{"protocol": "COMMAND", "command": {"value": "true"}}],
             "version": "2030-01-01T00:00:00.000Z"}
            """);

    RunSpec spec = RunSpecs.of(app);

    assertThat(spec.version()).isEqualTo("2030-01-01T00:00:00.000Z");
    assertThat(spec.cmd()).contains("python3 -m http.server $PORT0");
    assertThat(spec.docker()).isEmpty();
    assertThat(spec.ports()).containsExactly(PortSpec.definition(31080, "http", "tcp", Map.of(), true), PortSpec.definition(0, null, "tcp", Map.of(), true));
    assertThat(spec.ports().get(0).isFixed()).isTrue();
    assertThat(spec.ports().get(1).isFixed()).isFalse();
    assertThat(spec.healthCheck().map(HealthCheck::protocol)).contains(HealthCheck.Protocol.COMMAND);
    assertThat(spec.backoff()).isEqualTo(BackoffStrategy.DEFAULT);
    assertThat(spec.unreachableStrategy()).isEqualTo(UnreachableStrategy.DEFAULT);
    assertThat(spec.killSelection()).isEqualTo(KillSelection.YOUNGEST_FIRST);
    assertThat(spec.killGracePeriod()).isEqualTo(Optional.empty());
    assertThat(spec.acceptedResourceRoles()).as("any role").isEmpty();
    assertThat(spec.isGlobal()).isFalse();
  }

  @Test
  void aDockerAppOnTheHostNetworkRunsWithNetworkHost() throws Exception {
    AppDefinition app =
        read(
            """
            {"id": "/cache", "container": {"type": "DOCKER", "docker": {"image": "redis"}},
             "networks": [{"mode": "host"}], "version": "2030-01-01T00:00:00.000Z"}
            """);

    RunSpec spec = RunSpecs.of(app);

    assertThat(spec.docker().orElseThrow().parameters()).containsExactly(new ContainerInfo.Parameter("network", "host"));
    assertThat(spec.ports()).as("Marathon's default: one port definition").hasSize(1);
  }

  @Test
  void eachNetworkModeMapsToTheDockerContainerizersNetwork() throws Exception {
    RunSpec named = RunSpecs.of(read(io.drover.marathon.testing.Fixtures.text("docker-networks-app.json")));
    assertThat(named.docker().orElseThrow().parameters()).containsExactly(new ContainerInfo.Parameter("network", "backend"));
    assertThat(named.ports()).as("a mapping without a host port is reached on the container network only").isEmpty();

    RunSpec bridge =
        RunSpecs.of(read("""
            {"id": "/b", "container": {"type": "DOCKER", "docker": {"image": "busybox"}, "portMappings": [{"containerPort": 80, "hostPort": 0}]},
             "networks": [{"mode": "container/bridge"}], "version": "2030-01-01T00:00:00.000Z"}
            """));
    assertThat(bridge.docker().orElseThrow().parameters()).as("bridge is Docker's default").isEmpty();
    assertThat(bridge.ports()).hasSize(1);
  }

  @Test
  void theCheckOnlyTheAgentCanRunGoesFirstAndTheOthersAreRunFromMarathonApp() throws Exception {
    RunSpec spec =
        RunSpecs.of(read("""
            {"id": "/web", "cmd": "serve", "portDefinitions": [{"port": 0}, {"port": 0}], "version": "2030-01-01T00:00:00.000Z",
             "healthChecks": [{"protocol": "HTTP", "path": "/a", "portIndex": 0},
                              {"protocol": "MESOS_TCP", "portIndex": 1},
                              {"protocol": "TCP", "portIndex": 1}]}
            """));

    assertThat(spec.healthCheck().map(HealthCheck::protocol)).contains(HealthCheck.Protocol.TCP);
    assertThat(spec.healthCheck().map(HealthCheck::portIndex)).contains(1);
    assertThat(spec.hostHealthChecks()).extracting(HealthCheck::protocol).containsExactly(HealthCheck.Protocol.HTTP, HealthCheck.Protocol.TCP);
    assertThat(spec.hostHealthChecks().get(0).path()).isEqualTo("/a");
  }
}
