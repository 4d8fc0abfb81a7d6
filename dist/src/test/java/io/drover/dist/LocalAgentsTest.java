package io.drover.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.core.InvalidValueException;
import io.drover.core.Ranges;
import io.drover.core.Resources;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class LocalAgentsTest {
  @Test
  void eachAgentHasItsOwnHostNameThatIsThisMachine() throws Exception {
    assertThat(LocalAgents.hostname(1)).isEqualTo("127.0.0.1");
    assertThat(LocalAgents.hostname(3)).isEqualTo("127.0.0.3");
    assertThat(InetAddress.getByName(LocalAgents.hostname(3)).isLoopbackAddress()).isTrue();
  }

  @Test
  void theDefaultPortsAreSharedOutWithoutOverlap() {
    Ranges first = LocalAgents.resources(Resources.EMPTY, 1, 3).ports();
    Ranges second = LocalAgents.resources(Resources.EMPTY, 2, 3).ports();
    Ranges third = LocalAgents.resources(Resources.EMPTY, 3, 3).ports();

    assertThat(first).isEqualTo(Ranges.parse("[31000-31332]"));
    assertThat(second).isEqualTo(Ranges.parse("[31333-31665]"));
    assertThat(third).as("the last takes what is left").isEqualTo(Ranges.parse("[31666-32000]"));
    assertThat(first.plus(second).plus(third)).isEqualTo(Ranges.parse("[31000-32000]"));
  }

  @Test
  void givenResourcesAreKeptAndTheirPortsShared() {
    Resources given = Resources.parse("cpus:2;mem:1024;ports:[31000-31009,32000-32009]");

    Resources first = LocalAgents.resources(given, 1, 2);
    Resources second = LocalAgents.resources(given, 2, 2);

    assertThat(first.cpus()).isEqualTo(2.0);
    assertThat(first.mem()).isEqualTo(1024.0);
    assertThat(first.ports()).isEqualTo(Ranges.parse("[31000-31009]"));
    assertThat(second.ports()).isEqualTo(Ranges.parse("[32000-32009]"));
  }

  @Test
  void tooFewPortsForTheAgentsAreRefused() {
    assertThatThrownBy(() -> LocalAgents.resources(Resources.parse("ports:[31000-31001]"), 1, 3))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("--agent-resources: 3 agents cannot each get a share of the ports [31000-31001]");
  }
}
