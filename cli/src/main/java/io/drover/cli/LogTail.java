package io.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** A task's sandbox file read through marathon-app's {@code /cluster/tasks/{id}/files/read}, chunk by chunk from an offset. */
final class LogTail {
  /** The most the proxy gives in one read. */
  static final int CHUNK = 64 * 1024;

  private final MarathonClient client;
  private final String path;

  LogTail(MarathonClient client, String taskId, String file) {
    this.client = client;
    this.path = "/cluster/tasks/" + MarathonClient.segment(taskId) + "/files/read?file=" + file;
  }

  /** Prints what the file holds from {@code offset} to its current end; returns the offset after it. */
  long drain(long offset, PrintWriter out) {
    long next = offset;
    while (true) {
      JsonNode chunk = client.get(path + "&offset=" + next + "&length=" + CHUNK);
      String data = Json.text(chunk, "data", "");
      if (data.isEmpty()) {
        return next;
      }
      out.print(data);
      out.flush();
      next = chunk.path("offset").asLong(next) + data.getBytes(StandardCharsets.UTF_8).length;
    }
  }
}
