package io.drover.agent.containerizer.command;

import io.drover.core.CommandInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * The argv that runs a task: {@code setsid} puts it in a session (and process group) of its own, led by
 * a small shell wrapper that
 *
 * <ol>
 *   <li>waits for the agent's "go" on stdin, sent once the agent has checkpointed the wrapper's pid, so
 *       that no task runs that a restarted agent could not find (no "go": it exits without running);
 *   <li>catches TERM for itself only, so that it outlives its child when the group is asked to stop;
 *   <li>runs the command and writes its exit status atomically to {@code $DROVER_SANDBOX/exit_status},
 *       where a restarted agent finds it even if the task ended while the agent was down.
 * </ol>
 */
final class TaskCommandLine {
  static final String EXIT_STATUS_FILE = "exit_status";
  static final String GO = "go";
  /** The wrapper's own exit status when the agent never said go. */
  static final int NOT_STARTED = 125;

  private static final String WRAPPER =
      String.join(
          "\n",
          "IFS= read -r go",
          "[ \"$go\" = " + GO + " ] || exit " + NOT_STARTED,
          "trap : TERM",
          "\"$@\" </dev/null",
          "status=$?",
          "printf '%d\\n' \"$status\" > \"$DROVER_SANDBOX/" + EXIT_STATUS_FILE + ".tmp\" && mv -f \"$DROVER_SANDBOX/"
              + EXIT_STATUS_FILE + ".tmp\" \"$DROVER_SANDBOX/" + EXIT_STATUS_FILE + "\"",
          "exit \"$status\"");

  private TaskCommandLine() {}

  /**
   * {@code sh -c value} for a shell command; otherwise {@code value} run with {@code arguments[1..]}
   * (arguments[0] is argv[0], as in Mesos; the wrapper cannot set argv[0], so the program sees its path).
   */
  static List<String> argv(CommandInfo command) {
    List<String> argv = new ArrayList<>(List.of("setsid", "sh", "-c", WRAPPER, "drover-task"));
    if (command.shell()) {
      argv.addAll(List.of("sh", "-c", command.value()));
    } else {
      argv.add(command.value().isEmpty() ? command.arguments().get(0) : command.value());
      argv.addAll(command.arguments().subList(Math.min(1, command.arguments().size()), command.arguments().size()));
    }
    return argv;
  }
}
