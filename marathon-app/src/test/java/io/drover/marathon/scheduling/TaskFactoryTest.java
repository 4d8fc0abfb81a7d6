package io.drover.marathon.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.core.ContainerInfo;
import io.drover.core.HealthCheck;
import io.drover.core.Offer;
import io.drover.core.Ranges;
import io.drover.core.Resources;
import io.drover.core.TaskInfo;
import io.drover.marathon.instance.InstanceId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TaskFactoryTest {
  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  private static final InstanceId ID = InstanceId.forApp("/prod/web", new UUID(0, 1));

  private final TaskFactory factory = new TaskFactory();

  private static Resources claimed(String ports) {
    return Resources.builder().add(Resources.cpusMem(0.5, 64)).ranges(Resources.PORTS, Ranges.parse(ports)).build();
  }

  @Test
  void aDockerAppGetsItsPortMappingsWithTheHostPortsPicked() {
    RunSpec spec =
        RunSpec.builder("/prod/web", "2030-01-01T00:00:00.000Z")
            .resources(0.5, 64, 0, 0)
            .docker(DockerSpec.of("drover-test/busybox:1"))
            .port(PortSpec.mapping(80, 0, 10000, "http", "tcp", Map.of("VIP", "web")))
            .port(PortSpec.mapping(9000, 31005, 0, "admin", "tcp", Map.of()))
            .port(PortSpec.mapping(53, 0, 0, "", "udp", Map.of()))
            .args(List.of("/bin/httpd", "-f"))
            .labels(Map.of("team", "blue", "tier.level", "front"))
            .killGracePeriod(Duration.ofSeconds(20))
            .build();
    Offer offer = TestOffers.offer("a1", "cpus:4;mem:1024;ports:[31000-31010]");

    PlannedInstance planned = factory.build(spec, ID, offer, claimed("31000-31001,31005"), NOW);

    TaskInfo task = planned.task();
    assertThat(planned.instance().hostPorts()).containsExactly(31000, 31005, 31001);
    assertThat(task.container().orElseThrow().portMappings())
        .containsExactly(
            new ContainerInfo.PortMapping(31000, 80, "tcp", "http", Map.of("VIP", "web")),
            new ContainerInfo.PortMapping(31005, 9000, "tcp", "admin", Map.of()),
            new ContainerInfo.PortMapping(31001, 53, "udp", "", Map.of()));
    assertThat(task.container().orElseThrow().image()).isEqualTo("drover-test/busybox:1");
    assertThat(task.command().shell()).isFalse();
    assertThat(task.command().arguments()).containsExactly("/bin/httpd", "-f");
    assertThat(task.id().value()).isEqualTo(ID.value());
    assertThat(task.name()).isEqualTo("web.prod");
    assertThat(task.agentId()).isEqualTo(offer.agentId());
    assertThat(task.killGracePeriod()).isEqualTo(Duration.ofSeconds(20));
    assertThat(task.labels()).containsEntry("team", "blue");
    Map<String, String> env = task.command().environment();
    assertThat(env)
        .containsEntry("PORT0", "31000")
        .containsEntry("PORT1", "31005")
        .containsEntry("PORT2", "31001")
        .containsEntry("PORT", "31000")
        .containsEntry("PORTS", "31000,31005,31001")
        .containsEntry("PORT_80", "31000")
        .containsEntry("PORT_9000", "31005")
        .containsEntry("PORT_HTTP", "31000")
        .containsEntry("PORT_ADMIN", "31005")
        .containsEntry("MARATHON_APP_ID", "/prod/web")
        .containsEntry("MARATHON_APP_VERSION", "2030-01-01T00:00:00.000Z")
        .containsEntry("MARATHON_APP_DOCKER_IMAGE", "drover-test/busybox:1")
        .containsEntry("MARATHON_APP_RESOURCE_CPUS", "0.5")
        .containsEntry("MARATHON_APP_RESOURCE_MEM", "64.0")
        .containsEntry("MARATHON_APP_LABELS", "TEAM TIER_LEVEL")
        .containsEntry("MARATHON_APP_LABEL_TIER_LEVEL", "front")
        .containsEntry("MESOS_TASK_ID", ID.value());
  }

  @Test
  void aCommandAppRunsItsShellCommandWithItsOwnEnvironmentAndHealthCheck() {
    HealthCheck check = new HealthCheck(HealthCheck.Protocol.HTTP, "/health", 0, "", Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(2), 3);
    RunSpec spec =
        RunSpec.builder("/web", "v1")
            .cmd("python3 -m http.server $PORT0")
            .env(Map.of("MODE", "prod", "PORT0", "overridden"))
            .port(PortSpec.definition(10000, "", "tcp", Map.of(), false))
            .healthChecks(List.of(check))
            .build();

    PlannedInstance planned = factory.build(spec, ID, TestOffers.offer("a1", "cpus:4;mem:1024;ports:[31000-31010]"), claimed("31003"), NOW);

    TaskInfo task = planned.task();
    assertThat(task.command().shell()).isTrue();
    assertThat(task.command().value()).isEqualTo("python3 -m http.server $PORT0");
    assertThat(task.command().environment()).containsEntry("MODE", "prod").containsEntry("PORT0", "31003").containsEntry("PORT_10000", "31003");
    assertThat(task.container()).isEmpty();
    assertThat(task.healthCheck()).contains(check);
    assertThat(planned.instance().hostname()).isEqualTo("a1");
    assertThat(planned.instance().appVersion()).isEqualTo("v1");
  }

  @Test
  void requirePortsMakesTheDefinedPortTheHostPort() {
    RunSpec spec = RunSpec.builder("/web", "v1").cmd("serve").port(PortSpec.definition(31007, "", "tcp", Map.of(), true)).port(PortSpec.definition(0, "", "tcp", Map.of(), true)).build();

    assertThat(TaskFactory.hostPorts(spec, claimed("31000,31007"))).containsExactly(31007, 31000);
  }
}
