package io.drover.dist;

import io.drover.cli.CliErrors;
import io.drover.core.InvalidValueException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a command's failure into one line for the user: invalid values are usage errors (exit 2), the
 * client commands' failures are printed as {@link CliErrors} says, anything else exits 1 with its
 * message; the stack trace goes only to the debug log.
 */
final class FriendlyErrors implements IExecutionExceptionHandler {
  private final CliErrors clientErrors = new CliErrors();

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    if (CliErrors.handles(e)) {
      return clientErrors.handleExecutionException(e, cli, parsed);
    }
    if (e instanceof InvalidValueException) {
      cli.getErr().println(cli.getColorScheme().errorText(e.getMessage()));
      cli.usage(cli.getErr());
      return CommandLine.ExitCode.USAGE;
    }
    cli.getErr().println(cli.getColorScheme().errorText(cli.getCommandName() + ": " + e.getMessage()));
    org.slf4j.LoggerFactory.getLogger(FriendlyErrors.class).debug("{} failed", cli.getCommandName(), e);
    return CommandLine.ExitCode.SOFTWARE;
  }
}
