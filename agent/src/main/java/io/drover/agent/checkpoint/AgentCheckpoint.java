package io.drover.agent.checkpoint;

import com.google.protobuf.InvalidProtocolBufferException;
import io.drover.agent.containerizer.ContainerId;
import io.drover.agent.update.StreamKey;
import io.drover.core.AgentId;
import io.drover.core.FrameworkId;
import io.drover.core.FrameworkInfo;
import io.drover.core.TaskId;
import io.drover.core.TaskInfo;
import io.drover.protocol.FromProto;
import io.drover.protocol.ToProto;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's durable state under {@code <workDir>/meta/}; everything is written (and synced) before the
 * agent acts on it:
 *
 * <pre>
 * meta/agent_id
 * meta/completed_tasks                                            the last completed tasks, one per line
 * meta/frameworks/&lt;frameworkId&gt;/framework.info                 FrameworkInfo (protobuf)
 * meta/frameworks/&lt;frameworkId&gt;/shutdown                       present once the framework is shut down
 * meta/frameworks/&lt;frameworkId&gt;/tasks/&lt;taskId&gt;/task.info       TaskInfo (protobuf)
 * meta/frameworks/&lt;frameworkId&gt;/tasks/&lt;taskId&gt;/run             container id and sandbox, one per line
 * meta/frameworks/&lt;frameworkId&gt;/tasks/&lt;taskId&gt;/updates         the task's status update stream
 * meta/frameworks/&lt;frameworkId&gt;/tasks/&lt;taskId&gt;/runs/&lt;runId&gt;/  the containerizer's own checkpoint
 * </pre>
 *
 * A task's directory is removed once its terminal update is acknowledged, a framework's with its last task.
 */
public final class AgentCheckpoint {
  private static final Logger LOG = LoggerFactory.getLogger(AgentCheckpoint.class);

  private final Path meta;

  public AgentCheckpoint(Path workDir) {
    this.meta = workDir.toAbsolutePath().normalize().resolve("meta");
  }

  public Path directory() {
    return meta;
  }

  public void saveAgentId(AgentId id) throws IOException {
    AtomicFiles.write(meta.resolve("agent_id"), (id.value() + "\n").getBytes(StandardCharsets.UTF_8));
  }

  public void saveFramework(FrameworkInfo framework) throws IOException {
    FrameworkId id = framework.id().orElseThrow(() -> new IllegalArgumentException("a checkpointed framework needs an id"));
    AtomicFiles.write(frameworkDir(id).resolve("framework.info"), ToProto.frameworkInfo(framework).toByteArray());
  }

  /** Records that a framework is shut down, so that a restarted agent still kills its tasks silently. */
  public void markFrameworkShutdown(FrameworkId framework) throws IOException {
    AtomicFiles.write(frameworkDir(framework).resolve("shutdown"), new byte[0]);
  }

  public void saveTask(FrameworkId framework, TaskInfo task) throws IOException {
    AtomicFiles.write(taskDir(framework, task.id()).resolve("task.info"), ToProto.taskInfo(task).toByteArray());
  }

  public void saveRun(FrameworkId framework, TaskId task, CheckpointedTask.Run run) throws IOException {
    String text = run.containerId().value() + "\n" + run.sandbox().toAbsolutePath() + "\n";
    AtomicFiles.write(taskDir(framework, task).resolve("run"), text.getBytes(StandardCharsets.UTF_8));
  }

  /** Where the agent's completed tasks are listed. */
  public Path completedTasksFile() {
    return meta.resolve("completed_tasks");
  }

  /** Where a task's status update stream is logged. */
  public Path updateLog(StreamKey key) {
    return taskDir(key.frameworkId(), key.taskId()).resolve("updates");
  }

  /** Where the containerizer keeps what it needs to find a run's container again. */
  public Path runCheckpointDir(FrameworkId framework, TaskId task, ContainerId run) {
    return taskDir(framework, task).resolve("runs").resolve(run.value());
  }

  /** Forgets a task whose stream has ended, and its framework once it has no task left. */
  public void removeTask(FrameworkId framework, TaskId task) throws IOException {
    AtomicFiles.deleteTree(taskDir(framework, task));
    Path tasks = frameworkDir(framework).resolve("tasks");
    boolean empty;
    try (Stream<Path> left = Files.exists(tasks) ? Files.list(tasks) : Stream.empty()) {
      empty = left.findAny().isEmpty();
    }
    if (empty) {
      AtomicFiles.deleteTree(frameworkDir(framework));
    }
  }

  public CheckpointedState read() throws IOException {
    Optional<AgentId> agentId = AtomicFiles.read(meta.resolve("agent_id")).map(b -> AgentId.of(new String(b, StandardCharsets.UTF_8).strip()));
    Map<FrameworkId, FrameworkInfo> frameworks = new TreeMap<>();
    Set<FrameworkId> shutDown = new TreeSet<>();
    List<CheckpointedTask> tasks = new ArrayList<>();
    Path frameworksDir = meta.resolve("frameworks");
    for (Path fwDir : children(frameworksDir)) {
      FrameworkId fwId = FrameworkId.of(fwDir.getFileName().toString());
      Optional<byte[]> info = AtomicFiles.read(fwDir.resolve("framework.info"));
      if (info.isEmpty()) {
        LOG.warn("Skipping the checkpoint of framework {}: it has no framework.info", fwId);
        continue;
      }
      frameworks.put(fwId, FromProto.frameworkInfo(parse(io.drover.protocol.v1.FrameworkInfo.parser(), info.get(), fwDir)));
      if (Files.exists(fwDir.resolve("shutdown"))) {
        shutDown.add(fwId);
      }
      for (Path taskDir : children(fwDir.resolve("tasks"))) {
        Optional<byte[]> taskInfo = AtomicFiles.read(taskDir.resolve("task.info"));
        if (taskInfo.isEmpty()) {
          LOG.warn("Skipping the checkpoint of task {}: it has no task.info", taskDir);
          continue;
        }
        TaskInfo task = FromProto.taskInfo(parse(io.drover.protocol.v1.TaskInfo.parser(), taskInfo.get(), taskDir));
        tasks.add(new CheckpointedTask(fwId, task, readRun(taskDir.resolve("run"))));
      }
    }
    return new CheckpointedState(agentId, frameworks, shutDown, tasks);
  }

  private static Optional<CheckpointedTask.Run> readRun(Path file) throws IOException {
    Optional<byte[]> content = AtomicFiles.read(file);
    if (content.isEmpty()) {
      return Optional.empty();
    }
    String[] lines = new String(content.get(), StandardCharsets.UTF_8).split("\n");
    if (lines.length < 2) {
      throw new IOException("the run checkpoint " + file + " is corrupt");
    }
    return Optional.of(new CheckpointedTask.Run(new ContainerId(lines[0]), Path.of(lines[1])));
  }

  private static <T> T parse(com.google.protobuf.Parser<T> parser, byte[] bytes, Path where) throws IOException {
    try {
      return parser.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IOException("the checkpoint in " + where + " is corrupt: " + e.getMessage(), e);
    }
  }

  private static List<Path> children(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  private Path frameworkDir(FrameworkId framework) {
    return meta.resolve("frameworks").resolve(framework.value());
  }

  private Path taskDir(FrameworkId framework, TaskId task) {
    return frameworkDir(framework).resolve("tasks").resolve(task.value());
  }
}
