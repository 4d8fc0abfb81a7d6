package io.drover.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints a {@link CliFailure} as {@code drover <command>: message} with its details indented below, and
 * ends with its exit code; usage failures add the command's usage. Never a stack trace.
 */
public final class CliErrors implements IExecutionExceptionHandler {
  /** Whether this handler knows the exception (it is a CLI command's failure). */
  public static boolean handles(Exception e) {
    return e instanceof CliFailure;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    if (!(e instanceof CliFailure failure)) {
      cli.getErr().println(cli.getColorScheme().errorText(cli.getCommandSpec().qualifiedName() + ": " + e));
      return CliFailure.FAILED;
    }
    print(failure, cli.getCommandSpec().qualifiedName(), cli.getErr());
    if (failure.exitCode() == CliFailure.USAGE) {
      cli.usage(cli.getErr());
    }
    return failure.exitCode();
  }

  static void print(CliFailure failure, String command, PrintWriter err) {
    err.println(command + ": " + failure.getMessage());
    failure.details().forEach(detail -> err.println("  " + detail));
    err.flush();
  }
}
