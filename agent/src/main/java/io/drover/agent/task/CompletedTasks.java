package io.drover.agent.task;

import com.google.protobuf.InvalidProtocolBufferException;
import io.drover.agent.checkpoint.AtomicFiles;
import io.drover.core.FrameworkId;
import io.drover.protocol.FromProto;
import io.drover.protocol.ToProto;
import io.drover.protocol.v1.CompletedTaskList;
import io.drover.protocol.v1.CompletedTaskRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's most recently completed tasks, at most {@code capacity}, oldest dropped first (Mesos's
 * {@code completed_tasks}). Checkpointed to one small file (a {@code CompletedTaskList} protobuf, as the
 * agent's other checkpoints), so a restarted agent still knows where their sandboxes are.
 *
 * <p>Confined to the agent's event thread.
 */
public final class CompletedTasks {
  public static final int DEFAULT_CAPACITY = 200;
  private static final Logger LOG = LoggerFactory.getLogger(CompletedTasks.class);

  private final Path file;
  private final int capacity;
  private final Deque<CompletedTask> tasks = new ArrayDeque<>();

  private CompletedTasks(Path file, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("the agent must keep at least one completed task, not " + capacity);
    }
    this.file = file;
    this.capacity = capacity;
  }

  /**
   * The completed tasks checkpointed in {@code file} (none when it does not exist, or cannot be read: they
   * are a record of the past, not something to stop the agent for); unreadable entries are skipped.
   */
  public static CompletedTasks load(Path file, int capacity) throws IOException {
    CompletedTasks out = new CompletedTasks(file, capacity);
    Optional<byte[]> content = AtomicFiles.read(file);
    if (content.isPresent()) {
      try {
        CompletedTaskList.parseFrom(content.get()).getTasksList().forEach(record -> fromRecord(record).ifPresent(out::keep));
      } catch (InvalidProtocolBufferException e) {
        LOG.warn("Starting without the completed tasks checkpointed in {}: it cannot be read ({})", file, e.getMessage());
      }
    }
    return out;
  }

  /** Oldest first. */
  public List<CompletedTask> list() {
    return List.copyOf(tasks);
  }

  /** Records a completed task, dropping the oldest beyond the capacity, and checkpoints the list. */
  public void add(CompletedTask task) throws IOException {
    tasks.removeIf(t -> t.frameworkId().equals(task.frameworkId()) && t.task().id().equals(task.task().id()));
    keep(task);
    save();
  }

  /** Forgets tasks (their sandboxes were collected) and checkpoints the list. */
  public void removeAll(Collection<CompletedTask> gone) throws IOException {
    if (tasks.removeAll(gone)) {
      save();
    }
  }

  private void keep(CompletedTask task) {
    tasks.addLast(task);
    while (tasks.size() > capacity) {
      tasks.removeFirst();
    }
  }

  private void save() throws IOException {
    CompletedTaskList.Builder list = CompletedTaskList.newBuilder();
    tasks.forEach(t -> list.addTasks(toRecord(t)));
    AtomicFiles.write(file, list.build().toByteArray());
  }

  private static CompletedTaskRecord toRecord(CompletedTask t) {
    return CompletedTaskRecord.newBuilder()
        .setFrameworkId(t.frameworkId().value())
        .setTask(ToProto.taskInfo(t.task()))
        .setState(ToProto.taskState(t.state()))
        .setCompletedAtMs(t.completedAt().toEpochMilli())
        .setSandbox(t.sandbox().map(Path::toString).orElse(""))
        .build();
  }

  private static Optional<CompletedTask> fromRecord(CompletedTaskRecord record) {
    try {
      return Optional.of(
          new CompletedTask(
              FrameworkId.of(record.getFrameworkId()),
              FromProto.taskInfo(record.getTask()),
              FromProto.taskState(record.getState()),
              record.getSandbox().isEmpty() ? Optional.empty() : Optional.of(Path.of(record.getSandbox())),
              Instant.ofEpochMilli(record.getCompletedAtMs())));
    } catch (RuntimeException e) {
      LOG.warn("Skipping an unreadable completed task in the checkpoint: {}", e.getMessage());
      return Optional.empty();
    }
  }
}
