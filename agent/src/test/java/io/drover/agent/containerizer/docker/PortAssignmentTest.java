package io.drover.agent.containerizer.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.agent.containerizer.docker.PortAssignment.Binding;
import io.drover.core.ContainerInfo.PortMapping;
import io.drover.core.InvalidValueException;
import io.drover.core.Ranges;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortAssignmentTest {
  private static final Ranges OFFERED = Ranges.parse("[31000-31001,31005-31005]");

  private static PortMapping mapping(int host, int container) {
    return mapping(host, container, "tcp");
  }

  private static PortMapping mapping(int host, int container, String protocol) {
    return new PortMapping(host, container, protocol, "", Map.of());
  }

  @Test
  void anyPortMappingsTakeTheOfferedPortsInOrderAroundNamedOnes() {
    List<Binding> bindings = PortAssignment.assign(List.of(mapping(0, 80), mapping(31000, 443), mapping(0, 8080)), OFFERED);

    assertThat(bindings).containsExactly(new Binding(31001, 80, "tcp"), new Binding(31000, 443, "tcp"), new Binding(31005, 8080, "tcp"));
  }

  @Test
  void tcpAndUdpShareTheHostPort() {
    assertThat(PortAssignment.assign(List.of(mapping(0, 53, "udp,tcp")), OFFERED)).containsExactly(new Binding(31000, 53, "udp"), new Binding(31000, 53, "tcp"));
  }

  @Test
  void noMappingsNeedNoPorts() {
    assertThat(PortAssignment.assign(List.of(), Ranges.EMPTY)).isEmpty();
  }

  @Test
  void refusesWhatCannotBeBound() {
    assertThatThrownBy(() -> PortAssignment.assign(List.of(mapping(0, 70000)), OFFERED))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("port mapping 1 (0 -> 70000): container port 70000 is out of range (1-65535)");
    assertThatThrownBy(() -> PortAssignment.assign(List.of(mapping(0, 0)), OFFERED)).hasMessageContaining("container port 0 is out of range");
    assertThatThrownBy(() -> PortAssignment.assign(List.of(mapping(-1, 80)), OFFERED)).hasMessageContaining("host port -1 is out of range");
    assertThatThrownBy(() -> PortAssignment.assign(List.of(mapping(8080, 80)), OFFERED)).hasMessageContaining("host port 8080 is not among the task's ports [31000-31001,31005-31005]");
    assertThatThrownBy(() -> PortAssignment.assign(List.of(mapping(31000, 80), mapping(31000, 81)), OFFERED)).hasMessageContaining("port mapping 2").hasMessageContaining("mapped twice");
    assertThatThrownBy(() -> PortAssignment.assign(List.of(mapping(0, 80, "sctp")), OFFERED)).hasMessageContaining("protocol 'sctp' is not tcp, udp or tcp,udp");
  }

  @Test
  void refusesMoreHostPortsThanTheTaskWasOffered() {
    assertThatThrownBy(() -> PortAssignment.assign(List.of(mapping(0, 1), mapping(0, 2), mapping(0, 3), mapping(0, 4)), OFFERED))
        .hasMessage("the port mappings ask for 4 host port(s) but the task has 3 [31000-31001,31005-31005]");
    assertThatThrownBy(() -> PortAssignment.assign(List.of(mapping(0, 80)), Ranges.EMPTY)).hasMessage("the port mappings ask for 1 host port(s) but the task has 0 (none)");
  }
}
