package io.drover.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.core.Attributes;
import io.drover.core.InvalidValueException;
import io.drover.core.Ranges;
import io.drover.core.Resources;
import io.drover.core.ValueRange;
import io.drover.protocol.net.ZkUrl;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentConfigTest {
  @Test
  void readsResourcesAndAttributesFlags() {
    assertThat(AgentConfig.parseResources("cpus:4;mem:4096;ports:[31000-32000]"))
        .isEqualTo(Resources.builder().scalar(Resources.CPUS, 4).scalar(Resources.MEM, 4096).ranges(Resources.PORTS, Ranges.of(ValueRange.of(31000, 32000))).build());
    assertThat(AgentConfig.parseAttributes("rack:r1;zone:a")).isEqualTo(Attributes.of(Map.of("rack", "r1", "zone", "a")));
  }

  @Test
  void badResourcesNameTheFlagAndTheProblem() {
    assertThatThrownBy(() -> AgentConfig.parseResources("cpus:lots"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("--resources 'cpus:lots': resource 'cpus' has value 'lots', which is not a number, [ranges] or {set}");
    assertThatThrownBy(() -> AgentConfig.parseResources("cpus")).hasMessageContaining("--resources 'cpus'").hasMessageContaining("name:value");
    assertThatThrownBy(() -> AgentConfig.parseResources("ports:[32000-31000]")).hasMessageContaining("ends before it begins");
    assertThatThrownBy(() -> AgentConfig.parseResources("mem:-5")).hasMessageContaining(">= 0");
  }

  @Test
  void badAttributesNameTheFlagAndTheProblem() {
    assertThatThrownBy(() -> AgentConfig.parseAttributes("rack"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("--attributes 'rack': attribute 'rack' is not of the form name:value");
    assertThatThrownBy(() -> AgentConfig.parseAttributes("rack:a;rack:b")).hasMessageContaining("more than once");
  }

  @Test
  void defaultsAreSensibleAndPortsAreChecked() {
    AgentConfig config = AgentConfig.defaults(Path.of("work"), ZkUrl.parse("zk://localhost:2181/drover"));

    assertThat(config.workDir()).isAbsolute();
    assertThat(config.httpPort()).isEqualTo(5051);
    assertThat(config.hostname()).isNotBlank();
    assertThatThrownBy(() -> config.withHttp("0.0.0.0", 70000)).hasMessageContaining("70000");
  }
}
