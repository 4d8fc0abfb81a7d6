package io.drover.dist;

import io.drover.cli.AppCommand;
import io.drover.cli.ClusterCommand;
import io.drover.cli.DeploymentCommand;
import io.drover.cli.LogsCommand;
import io.drover.cli.TaskCommand;
import io.drover.examples.hello.HelloFramework;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code drover} command: one entry point for every Drover process. */
@Command(
    name = "drover",
    mixinStandardHelpOptions = true,
    versionProvider = DroverVersion.class,
    description = "Drover: a two-level resource-offer cluster manager.",
    subcommands = {
      MasterCommand.class,
      AgentCommand.class,
      MarathonCommand.class,
      LocalCommand.class,
      Drover.Example.class,
      AppCommand.class,
      TaskCommand.class,
      DeploymentCommand.class,
      LogsCommand.class,
      ClusterCommand.class
    })
public final class Drover {
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Drover());
    cli.setExecutionExceptionHandler(new FriendlyErrors());
    return cli;
  }

  /** Frameworks that come with Drover, to try a cluster out. */
  @Command(
      name = "example",
      mixinStandardHelpOptions = true,
      description = "Runs an example framework against a cluster.",
      subcommands = {HelloFramework.class})
  static final class Example {}
}
