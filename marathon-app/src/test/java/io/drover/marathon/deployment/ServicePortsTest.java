package io.drover.marathon.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.marathon.app.AppDefinition;
import io.drover.marathon.app.Container;
import io.drover.marathon.app.Docker;
import io.drover.marathon.app.PathId;
import io.drover.marathon.app.PortDefinition;
import io.drover.marathon.app.PortMapping;
import io.drover.marathon.app.ValidationException;
import io.drover.marathon.app.Violation;
import io.drover.marathon.group.RootGroup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServicePortsTest {
  private static final ServicePortRange RANGE = new ServicePortRange(10_000, 10_004);

  private static AppDefinition withPorts(String id, Integer... ports) {
    return AppDefinition.builder(PathId.of(id))
        .cmd("serve")
        .portDefinitions(java.util.Arrays.stream(ports).map(p -> new PortDefinition(p, "tcp", null, Map.of())).toList())
        .build();
  }

  private static AppDefinition docker(String id, int servicePort) {
    Container container = Container.docker(Docker.image("busybox"), List.of(new PortMapping(80, 0, servicePort, "tcp", null, null)));
    return AppDefinition.builder(PathId.of(id)).container(container).build();
  }

  private static RootGroup root(AppDefinition... apps) {
    RootGroup root = RootGroup.empty();
    for (AppDefinition app : apps) {
      root = root.putApp(app);
    }
    return root;
  }

  @Test
  void zerosGetTheLowestFreePortsOfTheRangeAndExplicitPortsStay() {
    RootGroup wanted = root(withPorts("a", 0, 10_000), withPorts("b", 0), docker("c", 0));

    RootGroup assigned = ServicePorts.assign(RootGroup.empty(), wanted, RANGE);

    assertThat(assigned.app(PathId.of("a")).orElseThrow().servicePorts()).containsExactly(10_001, 10_000);
    assertThat(assigned.app(PathId.of("b")).orElseThrow().servicePorts()).containsExactly(10_002);
    assertThat(assigned.app(PathId.of("c")).orElseThrow().container().portMappings().get(0).servicePort()).isEqualTo(10_003);
  }

  @Test
  void anAppKeepsItsAssignedPortsAcrossVersions() {
    RootGroup current = ServicePorts.assign(RootGroup.empty(), root(withPorts("a", 0), withPorts("b", 0, 0)), RANGE);
    assertThat(current.app(PathId.of("b")).orElseThrow().servicePorts()).containsExactly(10_001, 10_002);

    RootGroup wanted = current.removeApp(PathId.of("a")).putApp(withPorts("b", 0, 0).toBuilder().cmd("serve --v2").build());
    RootGroup next = ServicePorts.assign(current, wanted, RANGE);

    assertThat(next.app(PathId.of("b")).orElseThrow().servicePorts()).containsExactly(10_001, 10_002);
  }

  @Test
  void anAppTheChangeLeavesAloneIsNotTouched() {
    RootGroup current = root(withPorts("old", 0));

    RootGroup next = ServicePorts.assign(current, current.putApp(withPorts("new", 0)), RANGE);

    assertThat(next.app(PathId.of("old")).orElseThrow().servicePorts()).containsExactly(0);
    assertThat(next.app(PathId.of("new")).orElseThrow().servicePorts()).containsExactly(10_000);
  }

  @Test
  void anExplicitPortAnotherAppUsesIsAConflictInMarathonsWords() {
    RootGroup current = root(withPorts("a", 10_002));

    List<Violation> violations = ServicePorts.conflicts(current, current.putApp(withPorts("b", 10_002)));

    assertThat(violations).containsExactly(new Violation("/", "Requested service port 10002 conflicts with a service port in app /a"));
    assertThat(ServicePorts.conflicts(current, current.putApp(withPorts("a", 10_002).toBuilder().cmd("v2").build()))).isEmpty();
    assertThat(ServicePorts.conflicts(current, current.putApp(withPorts("b", 0)))).isEmpty();
  }

  @Test
  void aFullRangeIsRefusedWithAReason() {
    RootGroup wanted = root(withPorts("a", 0, 0, 0, 0), withPorts("b", 0));

    assertThatThrownBy(() -> ServicePorts.assign(RootGroup.empty(), wanted, RANGE))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).violations()).extracting(Violation::message).containsExactly("All service ports in 10000-10004 are taken"));
  }
}
