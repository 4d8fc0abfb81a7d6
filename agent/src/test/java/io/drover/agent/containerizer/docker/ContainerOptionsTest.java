package io.drover.agent.containerizer.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.core.ContainerInfo.Parameter;
import io.drover.core.InvalidValueException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContainerOptionsTest {
  private static ContainerOptions parse(boolean allowPrivileged, String... keyValues) {
    List<Parameter> parameters = new java.util.ArrayList<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      parameters.add(new Parameter(keyValues[i], keyValues[i + 1]));
    }
    return ContainerOptions.parse(parameters, allowPrivileged);
  }

  @Test
  void readsTheSupportedOptions() {
    ContainerOptions o =
        parse(
            false,
            "label", "team=web", "--env", "MODE=fast", "user", "nobody", "workdir", "/srv", "hostname", "box", "add-host", "db:10.0.0.5",
            "cap-drop", "net_raw", "read-only", "true", "network", "none", "pids-limit", "64", "shm-size", "64m", "entrypoint", "/bin/app");

    assertThat(o.labels()).isEqualTo(Map.of("team", "web"));
    assertThat(o.env()).isEqualTo(Map.of("MODE", "fast"));
    assertThat(o.user()).contains("nobody");
    assertThat(o.workdir()).contains("/srv");
    assertThat(o.hostname()).contains("box");
    assertThat(o.entrypoint()).contains("/bin/app");
    assertThat(o.addHosts()).containsExactly("db:10.0.0.5");
    assertThat(o.capDrop()).containsExactly("NET_RAW");
    assertThat(o.readOnly()).isTrue();
    assertThat(o.network()).contains("none");
    assertThat(o.pidsLimit()).contains(64L);
    assertThat(o.shmSizeBytes()).contains(64L << 20);
    assertThat(o.privileged()).isFalse();
  }

  @Test
  void privilegeNeedsAnAgentThatAllowsIt() {
    assertThatThrownBy(() -> parse(false, "privileged", "true")).isInstanceOf(InvalidValueException.class).hasMessageContaining("does not run privileged containers");
    assertThatThrownBy(() -> parse(false, "cap-add", "SYS_ADMIN")).hasMessageContaining("does not allow added capabilities");
    assertThat(parse(true, "privileged", "", "cap-add", "CAP_NET_ADMIN")).satisfies(o -> {
      assertThat(o.privileged()).isTrue();
      assertThat(o.capAdd()).containsExactly("NET_ADMIN");
    });
    assertThat(parse(false, "privileged", "false").privileged()).isFalse();
  }

  @Test
  void refusesWhatItDoesNotUnderstand() {
    assertThatThrownBy(() -> parse(false, "volume", "/:/host")).hasMessageContaining("'volume' is not a supported docker parameter (supported: label, env");
    assertThatThrownBy(() -> parse(false, "label", "io.drover.task-id=forged")).hasMessageContaining("labels under io.drover. are the agent's");
    assertThatThrownBy(() -> parse(false, "env", "1BAD=x")).hasMessageContaining("not an environment variable name");
    assertThatThrownBy(() -> parse(false, "env", "novalue")).hasMessageContaining("name=value");
    assertThatThrownBy(() -> parse(false, "network", "container:other")).hasMessageContaining("use bridge, host or none");
    assertThatThrownBy(() -> parse(false, "workdir", "srv")).hasMessageContaining("not an absolute path");
    assertThatThrownBy(() -> parse(false, "user", "a", "user", "b")).hasMessageContaining("given more than once");
    assertThatThrownBy(() -> parse(false, "cap-drop", "NOT_A_CAP")).hasMessageContaining("not a capability name");
    assertThatThrownBy(() -> parse(false, "read-only", "maybe")).hasMessageContaining("use true or false");
    assertThatThrownBy(() -> parse(false, "shm-size", "lots")).hasMessageContaining("not a size");
    assertThatThrownBy(() -> parse(false, "pids-limit", "many")).hasMessageContaining("not a number");
    assertThatThrownBy(() -> parse(false, "add-host", "nocolon")).hasMessageContaining("host:ip");
    assertThatThrownBy(() -> parse(false, "hostname", " ")).hasMessageContaining("has no value");
  }

  @Test
  void nothingAskedIsNothingSet() {
    ContainerOptions o = parse(false);
    assertThat(o.user()).isEqualTo(Optional.empty());
    assertThat(o.labels()).isEmpty();
    assertThat(o.network()).isEmpty();
  }
}
