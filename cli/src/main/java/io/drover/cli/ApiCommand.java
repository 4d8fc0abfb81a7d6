package io.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A command that talks to marathon-app: its {@code --marathon} option, its client and its output. */
abstract class ApiCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--marathon",
      paramLabel = "URL",
      defaultValue = "${env:DROVER_MARATHON:-http://127.0.0.1:8080}",
      description = "marathon-app's URL (default: ${DEFAULT-VALUE}; the environment variable DROVER_MARATHON sets it too).")
  String marathon;

  private MarathonClient client;

  MarathonClient client() {
    if (client == null) {
      client = MarathonClient.of(marathon);
    }
    return client;
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Prints the API's answer as JSON for scripts, or rendered for people. */
  int print(JsonNode answer, boolean json, Function<JsonNode, String> human) {
    out().print(json ? Json.pretty(answer) + System.lineSeparator() : human.apply(answer));
    out().flush();
    return 0;
  }
}
