package io.drover.agent.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.agent.Tasks;
import io.drover.core.CommandInfo;
import io.drover.core.ContainerInfo;
import io.drover.core.ContainerInfo.PortMapping;
import io.drover.core.Resources;
import io.drover.core.TaskId;
import io.drover.core.TaskInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskPortsTest {
  private static TaskInfo task(String resources, Optional<ContainerInfo> container) {
    return new TaskInfo(TaskId.of("t"), "t", Tasks.AGENT, Resources.parse(resources), CommandInfo.shell("true"), container, Optional.empty(), null, Map.of());
  }

  @Test
  void aCommandTasksPortsCountThroughItsRangesInOrder() {
    assertThat(TaskPorts.of(task("cpus:1;ports:[31000-31001,31005-31005,31010-31012]", Optional.empty())))
        .containsExactly(31000, 31001, 31005, 31010, 31011, 31012);
    assertThat(TaskPorts.of(task("cpus:1", Optional.empty()))).isEmpty();
  }

  @Test
  void aDockerTasksPortsAreItsMappedHostPortsInTheMappingsOrder() {
    ContainerInfo docker = ContainerInfo.docker("busybox");
    ContainerInfo mapped =
        new ContainerInfo(
            docker.image(),
            false,
            List.of(),
            List.of(new PortMapping(0, 80, "tcp", "", Map.of()), new PortMapping(31002, 443, "tcp,udp", "", Map.of()), new PortMapping(0, 8080, "tcp", "", Map.of())),
            List.of());

    assertThat(TaskPorts.of(task("cpus:1;ports:[31000-31003]", Optional.of(mapped)))).containsExactly(31000, 31002, 31001);
    // Without mappings (host networking) the task's own ports.
    assertThat(TaskPorts.of(task("cpus:1;ports:[31000-31001]", Optional.of(docker)))).containsExactly(31000, 31001);
  }
}
