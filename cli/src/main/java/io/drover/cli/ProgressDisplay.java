package io.drover.cli;

import java.io.PrintWriter;

/** Where deployment progress goes: redrawn in place on a terminal, or a line per change otherwise. */
interface ProgressDisplay {
  void show(String line);

  /** Ends the display, so what follows starts on a line of its own. */
  void finish();

  static ProgressDisplay of(PrintWriter out, boolean terminal) {
    return terminal ? new RedrawingDisplay(out) : new LineDisplay(out);
  }

  /** Redraws one line: carriage return and erase-line, no line break until the end. */
  final class RedrawingDisplay implements ProgressDisplay {
    private static final String ERASE_LINE = "\r\033[2K";
    private final PrintWriter out;
    private String shown;

    RedrawingDisplay(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void show(String line) {
      if (!line.equals(shown)) {
        out.print(ERASE_LINE + line);
        out.flush();
        shown = line;
      }
    }

    @Override
    public void finish() {
      if (shown != null) {
        out.println();
        out.flush();
        shown = null;
      }
    }
  }

  /** One line each time the progress reads differently, for logs and pipes. */
  final class LineDisplay implements ProgressDisplay {
    private final PrintWriter out;
    private String last;

    LineDisplay(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void show(String line) {
      if (!line.equals(last)) {
        out.println(line);
        out.flush();
        last = line;
      }
    }

    @Override
    public void finish() {
      out.flush();
    }
  }
}
