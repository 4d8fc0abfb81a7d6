package io.drover.agent.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.agent.Tasks;
import io.drover.core.AgentId;
import io.drover.core.AgentInfo;
import io.drover.core.Resources;
import io.drover.core.TaskInfo;
import io.drover.core.TaskState;
import io.drover.core.TaskStatusReason;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskRejectionTest {
  private static TaskInfo withResources(TaskInfo t, Resources r) {
    return new TaskInfo(t.id(), t.name(), t.agentId(), r, t.command(), t.container(), t.healthCheck(), t.killGracePeriod(), t.labels());
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
