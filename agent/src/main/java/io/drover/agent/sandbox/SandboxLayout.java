package io.drover.agent.sandbox;

import io.drover.agent.containerizer.ContainerId;
import io.drover.core.AgentId;
import io.drover.core.FrameworkId;
import io.drover.core.TaskId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where task sandboxes live: {@code <workDir>/agents/<agentId>/frameworks/<frameworkId>/tasks/<taskId>/runs/<runId>/},
 * with the task's {@code stdout} and {@code stderr}, and {@code runs/latest} linking to the current run.
 * Sandboxes are kept after their task ends, until they are collected.
 */
public final class SandboxLayout {
  public static final String LATEST = "latest";
  private static final int RUN_DEPTH = 7;

  private final Path root;

  public SandboxLayout(Path workDir) {
    this.root = workDir.toAbsolutePath().normalize().resolve("agents");
  }

  /** The directory under which every sandbox lies. */
  public Path root() {
    return root;
  }

  public Path runDirectory(AgentId agent, FrameworkId framework, TaskId task, ContainerId run) {
    return runsOf(agent, framework, task).resolve(run.value());
  }

  public Path latestRun(AgentId agent, FrameworkId framework, TaskId task) {
    return runsOf(agent, framework, task).resolve(LATEST);
  }

  private Path runsOf(AgentId agent, FrameworkId framework, TaskId task) {
    return root.resolve(agent.value()).resolve("frameworks").resolve(framework.value()).resolve("tasks").resolve(task.value()).resolve("runs");
  }

  /** Creates a run's sandbox with empty stdout and stderr, and points {@code latest} at it. */
  public Path createRun(AgentId agent, FrameworkId framework, TaskId task, ContainerId run) throws IOException {
    Path dir = Files.createDirectories(runDirectory(agent, framework, task, run));
    for (String name : new String[] {"stdout", "stderr"}) {
      Path file = dir.resolve(name);
      if (!Files.exists(file)) {
        Files.createFile(file);
      }
    }
    Path latest = latestRun(agent, framework, task);
    Path tmp = latest.resolveSibling("." + LATEST + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createSymbolicLink(tmp, Path.of(run.value()));
    Files.move(tmp, latest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return dir;
  }

  /** Whether a real path (symbolic links resolved) is a run's sandbox itself. */
  public static boolean isRunDirectory(Path realRoot, Path realPath) {
    return isWithinSandbox(realRoot, realPath) && realRoot.relativize(realPath).getNameCount() == RUN_DEPTH;
  }

  /**
   * Whether a real path (symbolic links resolved) is a run's sandbox or lies within one. {@code realRoot}
   * is {@link #root()} with its links resolved.
   */
  public static boolean isWithinSandbox(Path realRoot, Path realPath) {
    if (!realPath.startsWith(realRoot)) {
      return false;
    }
    Path rel = realRoot.relativize(realPath);
    return rel.getNameCount() >= RUN_DEPTH
        && rel.getName(1).toString().equals("frameworks")
        && rel.getName(3).toString().equals("tasks")
        && rel.getName(5).toString().equals("runs")
        && !rel.getName(6).toString().equals(LATEST);
  }
}
