package io.drover.agent.sandbox;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of a (possibly large) file, for messages such as a failed task's stderr. */
public final class FileTail {
  private FileTail() {}

  /** At most {@code maxLines} last lines from the last {@code maxBytes} of the file; empty when unreadable. */
  public static String lastLines(Path file, int maxLines, int maxBytes) {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long length = f.length();
      int size = (int) Math.min(length, maxBytes);
      byte[] bytes = new byte[size];
      f.seek(length - size);
      f.readFully(bytes);
      String text = new String(bytes, StandardCharsets.UTF_8).stripTrailing();
      List<String> lines = Arrays.asList(text.split("\n", -1));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - maxLines), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }
}
