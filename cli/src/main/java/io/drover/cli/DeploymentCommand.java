package io.drover.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drover deployment ...}: the deployments under way. */
@Command(
    name = "deployment",
    mixinStandardHelpOptions = true,
    description = "Lists the deployments under way and follows one to its end.",
    subcommands = {DeploymentCommand.ListDeployments.class, DeploymentCommand.Watch.class})
public final class DeploymentCommand {
  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the deployments under way: apps, step, current actions.")
  static final class ListDeployments extends ApiCommand {
    @Option(names = "--json", description = "Print the API's JSON (GET /v2/deployments).")
    boolean json;

    @Override
    public Integer call() {
      return print(client().get("/v2/deployments"), json, DeploymentListing::table);
    }
  }

  @Command(
      name = "watch",
      mixinStandardHelpOptions = true,
      description = "Follows a deployment under way with a progress bar until it succeeds (exit 0) or fails (exit 1).",
      footer = "%nExit codes: 0 success, 1 failure (not under way, failed, marathon-app unreachable), 2 usage.")
  static final class Watch extends ApiCommand {
    @Parameters(paramLabel = "ID", description = "The deployment's id, as deployment list shows it.")
    String id;

    @Override
    public Integer call() {
      try (EventStream events = EventStream.open(client(), DeploymentOutcome.WATCHED_EVENTS, DeploymentOptions.ATTACH_WITHIN)) {
        if (DeploymentWatcher.find(client(), id).isEmpty()) {
          throw CliFailure.failed("no deployment " + id + " is under way (it finished, or never was; see drover deployment list)");
        }
        return DeploymentOptions.follow(this, id, List.of(), events);
      }
    }
  }
}
