package io.drover.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** A command run in process: its exit code and what it printed. */
record Run(int exitCode, String out, String err) {
  static Run of(Object command, String... args) {
    CommandLine cli = new CommandLine(command);
    cli.setExecutionExceptionHandler(new CliErrors());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static Run app(String... args) {
    return of(new AppCommand(), args);
  }
}
