package io.drover.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A table of text with a header row, its columns padded to their widest cell. */
final class Table {
  private static final String GAP = "  ";

  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  Table(String... headers) {
    this.headers = List.of(headers);
  }

  Table row(Object... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException("a row of " + headers.size() + " columns was given " + cells.length + " cells");
    }
    rows.add(Arrays.stream(cells).map(cell -> cell == null ? "-" : cell.toString()).toList());
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The table as lines ending in a line break; the last column is not padded. */
  String render() {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = headers.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, headers, widths);
    rows.forEach(row -> line(out, row, widths));
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      line.append(cells.get(i));
      if (i < cells.size() - 1) {
        line.append(" ".repeat(widths[i] - cells.get(i).length())).append(GAP);
      }
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }
}
