package io.drover.agent.task;

import com.google.protobuf.InvalidProtocolBufferException;
import io.drover.agent.checkpoint.AtomicFiles;
import io.drover.core.FrameworkId;
import io.drover.core.TaskState;
import io.drover.protocol.FromProto;
import io.drover.protocol.ToProto;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's most recently completed tasks, at most {@code capacity}, oldest dropped first (Mesos's
 * {@code completed_tasks}). Checkpointed to one small file, one task per line, so a restarted agent
 * still knows where their sandboxes are.
 *
 * <p>Confined to the agent's event thread.
 */
public final class CompletedTasks {
  public static final int DEFAULT_CAPACITY = 200;
  private static final Logger LOG = LoggerFactory.getLogger(CompletedTasks.class);
  private static final String NO_SANDBOX = "-";

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

  /** The completed tasks checkpointed in {@code file} (none when it does not exist); unreadable lines are skipped. */
  public static CompletedTasks load(Path file, int capacity) throws IOException {
    CompletedTasks out = new CompletedTasks(file, capacity);
    Optional<byte[]> content = AtomicFiles.read(file);
    if (content.isPresent()) {
      for (String line : new String(content.get(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          parse(line).ifPresent(out::keep);
        }
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
    StringBuilder text = new StringBuilder();
    for (CompletedTask t : tasks) {
      text.append(format(t)).append('\n');
    }
    AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** {@code frameworkId TAB state TAB completedAt (epoch ms) TAB base64 TaskInfo TAB sandbox (or -)}; the sandbox last, as it may hold any character but a newline. */
  private static String format(CompletedTask t) {
    return String.join(
        "\t",
        t.frameworkId().value(),
        t.state().name(),
        Long.toString(t.completedAt().toEpochMilli()),
        Base64.getEncoder().encodeToString(ToProto.taskInfo(t.task()).toByteArray()),
        t.sandbox().map(Path::toString).orElse(NO_SANDBOX));
  }

  private static Optional<CompletedTask> parse(String line) {
    String[] fields = line.split("\t", 5);
    try {
      if (fields.length < 5) {
        throw new IllegalArgumentException("it has " + fields.length + " fields, not 5");
      }
      io.drover.protocol.v1.TaskInfo info = io.drover.protocol.v1.TaskInfo.parseFrom(Base64.getDecoder().decode(fields[3]));
      return Optional.of(
          new CompletedTask(
              FrameworkId.of(fields[0]),
              FromProto.taskInfo(info),
              TaskState.valueOf(fields[1]),
              fields[4].equals(NO_SANDBOX) ? Optional.empty() : Optional.of(Path.of(fields[4])),
              Instant.ofEpochMilli(Long.parseLong(fields[2]))));
    } catch (RuntimeException | InvalidProtocolBufferException e) {
      LOG.warn("Skipping an unreadable completed task in the checkpoint: {}", e.getMessage());
      return Optional.empty();
    }
  }
}
