package io.drover.cli;

import java.util.List;

/**
 * Why a command could not do what it was asked, in words for the user: a headline, the lines that
 * explain it (such as an API's {@code details[].path: errors}), and the exit code it ends with.
 */
public final class CliFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Exit code of a command that was used wrongly, including a missing or unreadable input file. */
  public static final int USAGE = 2;
  /** Exit code of a command that was used rightly but failed. */
  public static final int FAILED = 1;

  private final int exitCode;
  private final List<String> details;

  private CliFailure(int exitCode, String message, List<String> details) {
    super(message, null, false, false);
    this.exitCode = exitCode;
    this.details = List.copyOf(details);
  }

  public static CliFailure usage(String message) {
    return new CliFailure(USAGE, message, List.of());
  }

  public static CliFailure failed(String message) {
    return new CliFailure(FAILED, message, List.of());
  }

  public static CliFailure failed(String message, List<String> details) {
    return new CliFailure(FAILED, message, details);
  }

  public int exitCode() {
    return exitCode;
  }

  /** The explaining lines, each printed indented under the message. */
  public List<String> details() {
    return details;
  }
}
