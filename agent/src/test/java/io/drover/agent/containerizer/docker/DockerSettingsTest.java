package io.drover.agent.containerizer.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.core.InvalidValueException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerSettingsTest {
  @Test
  void theEngineIsDockerHostElseTheDefaultSocket() {
    assertThat(DockerSettings.defaults(Map.of()).host()).isEqualTo(URI.create("unix:///var/run/docker.sock"));
    assertThat(DockerSettings.defaults(Map.of("DOCKER_HOST", "unix:///tmp/d.sock")).host()).isEqualTo(URI.create("unix:///tmp/d.sock"));
    assertThat(DockerSettings.defaults(Map.of("DOCKER_HOST", "tcp://10.0.0.1:2375")).host()).isEqualTo(URI.create("tcp://10.0.0.1:2375"));
    assertThat(DockerSettings.defaults(Map.of()).volumeRoots()).isEmpty();
    assertThat(DockerSettings.defaults(Map.of()).allowPrivileged()).isFalse();
  }

  @Test
  void readsTheFlags() {
    assertThat(DockerSettings.parseHost("/run/user/docker.sock")).isEqualTo(URI.create("unix:///run/user/docker.sock"));
    assertThat(DockerSettings.parseHost("unix:///var/run/docker.sock")).isEqualTo(URI.create("unix:///var/run/docker.sock"));
    assertThat(DockerSettings.parseVolumeRoots("/srv/data, /mnt:/opt/x/../y")).containsExactly(Path.of("/srv/data"), Path.of("/mnt"), Path.of("/opt/x/../y"));
    assertThat(DockerSettings.defaults(Map.of()).withVolumeRoots(DockerSettings.parseVolumeRoots("/opt/x/../y")).volumeRoots()).containsExactly(Path.of("/opt/y"));
  }

  @Test
  void refusesWhatIsNoEngineAddressOrNoRoot() {
    assertThatThrownBy(() -> DockerSettings.defaults(Map.of("DOCKER_HOST", "http://x"))).isInstanceOf(InvalidValueException.class).hasMessageContaining("neither unix:///path nor tcp://host:port");
    assertThatThrownBy(() -> new DockerSettings(URI.create("unix:///d.sock"), List.of(Path.of("relative")), false)).hasMessageContaining("'relative' is not an absolute path");
  }
}
