package io.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drover logs TASK}: a task's stdout or stderr from its sandbox, through marathon-app. */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a task's stdout (or stderr) from its sandbox.",
      "With --follow it keeps printing what the task writes until Ctrl-C, or until the task has ended and its file is read to the end."
    },
    footer = "%nExit codes: 0 success, 1 failure (unknown task, sandbox unreachable, marathon-app unreachable), 2 usage.")
public final class LogsCommand extends ApiCommand {
  static final Duration FOLLOW_INTERVAL = Duration.ofMillis(500);
  private static final Set<String> TERMINAL =
      Set.of("TASK_FINISHED", "TASK_FAILED", "TASK_KILLED", "TASK_LOST", "TASK_ERROR", "TASK_DROPPED", "TASK_GONE", "TASK_GONE_BY_OPERATOR");

  @Parameters(paramLabel = "TASK", description = "The task's id, as task list shows it.")
  String task;

  @Option(names = {"-f", "--follow"}, description = "Keep printing what the task writes.")
  boolean follow;

  @Option(names = "--stderr", description = "Its stderr instead of its stdout.")
  boolean stderr;

  @Override
  public Integer call() throws InterruptedException {
    LogTail tail = new LogTail(client(), task, stderr ? "stderr" : "stdout");
    long offset = tail.drain(0, out());
    while (follow) {
      Thread.sleep(FOLLOW_INTERVAL.toMillis());
      // Asked before reading, so that everything written before the end is read after it.
      boolean ended = hasEnded();
      try {
        offset = tail.drain(offset, out());
      } catch (CliFailure unreadable) {
        if (!ended) {
          throw unreadable;
        }
        err().println("drover logs: task " + task + " ended and its file can no longer be read: " + unreadable.getMessage());
        err().flush();
      }
      if (ended) {
        return 0;
      }
    }
    return 0;
  }

  /** Whether the task is no longer among marathon-app's running tasks, or is there in a terminal state. */
  private boolean hasEnded() {
    for (JsonNode listed : client().get("/v2/tasks").path("tasks")) {
      if (task.equals(Json.text(listed, "id", null))) {
        return TERMINAL.contains(Json.text(listed, "state", ""));
      }
    }
    return true;
  }
}
