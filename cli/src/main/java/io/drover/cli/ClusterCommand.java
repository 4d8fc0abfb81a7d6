package io.drover.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code drover cluster}: the cluster as the leading master sees it, through marathon-app. */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    description = "Shows the leading master, the agents (resources used/total, attributes) and the frameworks (roles, dominant share).")
public final class ClusterCommand extends ApiCommand {
  @Option(names = "--json", description = "Print the API's JSON (the master's /state, through GET /cluster/state).")
  boolean json;

  @Override
  public Integer call() {
    return print(client().get("/cluster/state"), json, ClusterReport::render);
  }
}
