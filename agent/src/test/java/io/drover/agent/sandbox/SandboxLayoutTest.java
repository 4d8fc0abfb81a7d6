package io.drover.agent.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.agent.Tasks;
import io.drover.agent.containerizer.ContainerId;
import io.drover.core.FrameworkId;
import io.drover.core.TaskId;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxLayoutTest {
  @TempDir Path work;

  @Test
  void createsRunsWithOutputFilesAndPointsLatestAtTheNewest() throws Exception {
    SandboxLayout layout = new SandboxLayout(work);
    FrameworkId fw = FrameworkId.of("fw");
    TaskId task = TaskId.of("t");

    Path first = layout.createRun(Tasks.AGENT, fw, task, new ContainerId("run-1"));
    Path second = layout.createRun(Tasks.AGENT, fw, task, new ContainerId("run-2"));

    assertThat(first).isEqualTo(work.resolve("agents/agent-1/frameworks/fw/tasks/t/runs/run-1"));
    assertThat(second.resolve("stdout")).exists();
    assertThat(second.resolve("stderr")).exists();
    assertThat(layout.latestRun(Tasks.AGENT, fw, task).toRealPath()).isEqualTo(second.toRealPath());
    assertThat(Files.readSymbolicLink(layout.latestRun(Tasks.AGENT, fw, task))).isEqualTo(Path.of("run-2"));
  }

  @Test
  void onlyRunDirectoriesAndWhatTheyHoldAreSandboxes() {
    Path root = Path.of("/w/agents");

    assertThat(SandboxLayout.isWithinSandbox(root, root.resolve("a/frameworks/f/tasks/t/runs/r"))).isTrue();
    assertThat(SandboxLayout.isWithinSandbox(root, root.resolve("a/frameworks/f/tasks/t/runs/r/x/y"))).isTrue();
    assertThat(SandboxLayout.isWithinSandbox(root, root.resolve("a/frameworks/f/tasks/t/runs"))).isFalse();
    assertThat(SandboxLayout.isWithinSandbox(root, root.resolve("a/frameworks/f/tasks/t/runs/latest"))).isFalse();
    assertThat(SandboxLayout.isWithinSandbox(root, root.resolve("a/other/f/tasks/t/runs/r"))).isFalse();
    assertThat(SandboxLayout.isWithinSandbox(root, Path.of("/etc/passwd"))).isFalse();
    assertThat(SandboxLayout.isWithinSandbox(root, root)).isFalse();
  }
}
