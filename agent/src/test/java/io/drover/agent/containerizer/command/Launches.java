package io.drover.agent.containerizer.command;

import io.drover.agent.Tasks;
import io.drover.agent.containerizer.ContainerId;
import io.drover.agent.containerizer.ContainerLaunch;
import io.drover.core.FrameworkId;
import io.drover.core.TaskInfo;
import java.nio.file.Path;
import java.util.Optional;

/** Launch descriptions with their sandbox and checkpoint dirs under a test's temporary directory. */
final class Launches {
  static final FrameworkId FRAMEWORK = FrameworkId.of("fw-1");

  private Launches() {}

  static ContainerLaunch of(Path root, TaskInfo task) {
    ContainerId id = ContainerId.random();
    return new ContainerLaunch(id, FRAMEWORK, Tasks.AGENT, task, root.resolve("sandbox-" + id), root.resolve("meta-" + id), "test-host");
  }

  /** Whether the process is still running (not gone, not a zombie). */
  static boolean alive(long pid) {
    Optional<ProcStat> stat = ProcStat.read(pid);
    return stat.isPresent() && !stat.get().exited();
  }
}
