package io.drover.marathon.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.core.InvalidValueException;
import io.drover.core.TaskId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InstanceIdTest {
  @Test
  void hasMarathonsTaskIdFormAndGivesBackItsApp() {
    UUID uuid = UUID.fromString("5ea2e27c-1b7a-4c55-9a0e-2f0b1f3c4d5e");

    InstanceId id = InstanceId.forApp("/prod/web.frontend", uuid);

    assertThat(id.value()).isEqualTo("prod_web.frontend.5ea2e27c-1b7a-4c55-9a0e-2f0b1f3c4d5e");
    assertThat(id.appId()).isEqualTo("/prod/web.frontend");
    assertThat(InstanceId.of(id.taskId())).contains(id);
  }

  @Test
  void tasksOfAnotherFormAreNotInstances() {
    assertThat(InstanceId.of(TaskId.of("hello-1"))).isEmpty();
    assertThatThrownBy(() -> InstanceId.forApp("web", UUID.randomUUID())).isInstanceOf(InvalidValueException.class);
  }
}
