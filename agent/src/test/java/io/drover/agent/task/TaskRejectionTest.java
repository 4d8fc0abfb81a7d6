package io.drover.agent.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.agent.Tasks;
import io.drover.core.AgentId;
import io.drover.core.AgentInfo;
import io.drover.core.ContainerInfo;
import io.drover.core.HealthCheck;
import io.drover.core.Resources;
import io.drover.core.TaskInfo;
import io.drover.core.TaskState;
import io.drover.core.TaskStatusReason;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskRejectionTest {
  private static TaskInfo withResources(TaskInfo t, Resources r) {
    return new TaskInfo(t.id(), t.name(), t.agentId(), r, t.command(), t.container(), t.healthCheck(), t.killGracePeriod(), t.labels());
  }

  private static TaskInfo withCheck(TaskInfo t, HealthCheck check) {
    return new TaskInfo(t.id(), t.name(), t.agentId(), t.resources(), t.command(), t.container(), Optional.of(check), t.killGracePeriod(), t.labels());
  }

  private static HealthCheck check(HealthCheck.Protocol protocol, int portIndex) {
    return new HealthCheck(protocol, "/", portIndex, "true", Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), 3);
  }

  @Test
  void aHealthCheckOnAPortTheTaskDoesNotHaveIsAnError() {
    // Tasks.SMALL has two ports.
    assertThat(TaskRejection.check(withCheck(Tasks.shell("t", "true"), check(HealthCheck.Protocol.HTTP, 2)), Tasks.AGENT, Set.of(), TaskCheck.NONE))
        .hasValueSatisfying(r -> {
          assertThat(r.state()).isEqualTo(TaskState.TASK_ERROR);
          assertThat(r.reason()).isEqualTo(TaskStatusReason.TASK_INVALID);
          assertThat(r.message()).contains("portIndex 2", "2 host port(s)");
        });
    assertThat(TaskRejection.check(withCheck(Tasks.docker("t"), check(HealthCheck.Protocol.TCP, 5)), Tasks.AGENT, Set.of(AgentInfo.CAPABILITY_DOCKER), TaskCheck.NONE))
        .hasValueSatisfying(r -> assertThat(r.message()).contains("portIndex 5"));
    assertThat(TaskRejection.check(withCheck(Tasks.shell("t", "true"), check(HealthCheck.Protocol.TCP, 1)), Tasks.AGENT, Set.of(), TaskCheck.NONE)).isEmpty();
    // A Docker task with port mappings has as many host ports as mappings.
    TaskInfo docker = Tasks.docker("t");
    ContainerInfo oneMapping = new ContainerInfo("busybox", false, List.of(), List.of(new ContainerInfo.PortMapping(0, 80, "tcp", "", java.util.Map.of())), List.of());
    TaskInfo mapped = new TaskInfo(docker.id(), docker.name(), docker.agentId(), docker.resources(), docker.command(), Optional.of(oneMapping), Optional.empty(), null, docker.labels());
    assertThat(TaskRejection.check(withCheck(mapped, check(HealthCheck.Protocol.HTTP, 1)), Tasks.AGENT, Set.of(AgentInfo.CAPABILITY_DOCKER), TaskCheck.NONE))
        .hasValueSatisfying(r -> assertThat(r.message()).contains("portIndex 1 is beyond its 1 host port(s)"));
    assertThat(TaskRejection.check(withCheck(mapped, check(HealthCheck.Protocol.HTTP, 0)), Tasks.AGENT, Set.of(AgentInfo.CAPABILITY_DOCKER), TaskCheck.NONE)).isEmpty();
    // A COMMAND check probes no port.
    assertThat(TaskRejection.check(withCheck(Tasks.shell("t", "true"), check(HealthCheck.Protocol.COMMAND, 9)), Tasks.AGENT, Set.of(), TaskCheck.NONE)).isEmpty();
  }

  @Test
  void aWellFormedCommandTaskIsAccepted() {
    assertThat(TaskRejection.check(Tasks.shell("t", "true"), Tasks.AGENT, Set.of(), TaskCheck.NONE)).isEmpty();
  }

  @Test
  void aTaskWithoutResourcesIsAnError() {
    assertThat(TaskRejection.check(withResources(Tasks.shell("t", "true"), Resources.EMPTY), Tasks.AGENT, Set.of(), TaskCheck.NONE))
        .hasValueSatisfying(r -> {
          assertThat(r.state()).isEqualTo(TaskState.TASK_ERROR);
          assertThat(r.message()).contains("no resources");
        });
  }

  @Test
  void aTaskWithNothingToRunIsAnError() {
    assertThat(TaskRejection.check(Tasks.shell("t", ""), Tasks.AGENT, Set.of(), TaskCheck.NONE)).hasValueSatisfying(r -> assertThat(r.message()).contains("neither a command nor a container"));
  }

  @Test
  void aTaskForAnotherAgentIsAnError() {
    assertThat(TaskRejection.check(Tasks.shell("t", "true"), AgentId.of("other"), Set.of(), TaskCheck.NONE)).hasValueSatisfying(r -> assertThat(r.message()).contains("agent-1", "other"));
  }

  @Test
  void aContainerTaskFailsWithoutDocker() {
    assertThat(TaskRejection.check(Tasks.docker("t"), Tasks.AGENT, Set.of(), TaskCheck.NONE))
        .hasValueSatisfying(r -> {
          assertThat(r.state()).isEqualTo(TaskState.TASK_FAILED);
          assertThat(r.message()).startsWith("agent has no docker containerizer");
        });
    assertThat(TaskRejection.check(Tasks.docker("t"), Tasks.AGENT, Set.of(AgentInfo.CAPABILITY_DOCKER), TaskCheck.NONE)).isEmpty();
  }

  @Test
  void aContainerTheContainerizerRefusesIsAnErrorWithItsReason() {
    TaskCheck refuseAll = task -> Optional.of("image name 'Bad!' is invalid");

    assertThat(TaskRejection.check(Tasks.docker("t"), Tasks.AGENT, Set.of(AgentInfo.CAPABILITY_DOCKER), refuseAll))
        .hasValueSatisfying(r -> {
          assertThat(r.state()).isEqualTo(TaskState.TASK_ERROR);
          assertThat(r.reason()).isEqualTo(TaskStatusReason.TASK_INVALID);
          assertThat(r.message()).isEqualTo("image name 'Bad!' is invalid");
        });
    assertThat(TaskRejection.check(Tasks.shell("t", "true"), Tasks.AGENT, Set.of(AgentInfo.CAPABILITY_DOCKER), refuseAll)).isEmpty();
  }
}
