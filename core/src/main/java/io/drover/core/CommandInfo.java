package io.drover.core;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a task runs. With {@code shell} the {@code value} is given to {@code sh -c}; without it, {@code
 * value} is the program and {@code arguments} its argv (argv[0] included, as in Mesos).
 */
public record CommandInfo(String value, List<String> arguments, boolean shell, Map<String, String> environment) {
  public CommandInfo {
    value = value == null ? "" : value;
    arguments = List.copyOf(arguments == null ? List.of() : arguments);
    environment = Map.copyOf(new TreeMap<>(environment == null ? Map.of() : environment));
  }

  public static CommandInfo shell(String command) {
    return new CommandInfo(command, List.of(), true, Map.of());
  }

  public CommandInfo withEnvironment(Map<String, String> env) {
    return new CommandInfo(value, arguments, shell, env);
  }

  /** Nothing to run: a Docker task that uses its image's entrypoint. */
  public boolean isEmpty() {
    return value.isEmpty() && arguments.isEmpty();
  }
}
