package io.drover.agent.update;

import com.google.protobuf.InvalidProtocolBufferException;
import io.drover.core.FrameworkId;
import io.drover.protocol.FromProto;
import io.drover.protocol.ToProto;
import io.drover.protocol.v1.AgentStatusUpdate;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One task's stream on disk: an append-only file of lines, {@code U <base64 AgentStatusUpdate>} for an
 * update and {@code A <uuid>} for an acknowledgement, each synced before the caller goes on. A torn last
 * line (the agent died while writing it) is ignored when the log is read back.
 */
final class UpdateLog {
  private static final Logger LOG = LoggerFactory.getLogger(UpdateLog.class);
  private static final String UPDATE = "U ";
  private static final String ACK = "A ";

  private UpdateLog() {}

  static void appendUpdate(Path file, StatusUpdate update) throws IOException {
    AgentStatusUpdate record =
        AgentStatusUpdate.newBuilder().setFrameworkId(update.frameworkId().value()).setStatus(ToProto.taskStatus(update.status())).build();
    append(file, UPDATE + Base64.getEncoder().encodeToString(record.toByteArray()) + "\n");
  }

  static void appendAcknowledgement(Path file, String uuid) throws IOException {
    append(file, ACK + uuid + "\n");
  }

  private static void append(Path file, String line) throws IOException {
    Files.createDirectories(file.getParent());
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer buf = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(false);
    }
  }

  /** Every update of the stream in order, and how many of the first ones were acknowledged. */
  record Replayed(List<StatusUpdate> updates, int acknowledged) {}

  static Replayed read(Path file) throws IOException {
    List<StatusUpdate> updates = new ArrayList<>();
    int acknowledged = 0;
    if (!Files.exists(file)) {
      return new Replayed(updates, 0);
    }
    String content = Files.readString(file, StandardCharsets.UTF_8);
    String[] lines = content.split("\n", -1);
    // The text after the last newline is either empty or a line the agent died while writing.
    for (int i = 0; i < lines.length - 1; i++) {
      String line = lines[i];
      if (line.startsWith(UPDATE)) {
        updates.add(decode(file, line.substring(UPDATE.length())));
      } else if (line.startsWith(ACK)) {
        String uuid = line.substring(ACK.length());
        if (acknowledged < updates.size() && updates.get(acknowledged).uuid().equals(uuid)) {
          acknowledged++;
        } else {
          LOG.warn("Ignoring an acknowledgement of {} in {} that matches no waiting update", uuid, file);
        }
      } else {
        throw new IOException("line " + (i + 1) + " of the update log " + file + " is corrupt");
      }
    }
    if (!lines[lines.length - 1].isEmpty()) {
      LOG.warn("Ignoring a torn last line in the update log {}", file);
    }
    return new Replayed(updates, acknowledged);
  }

  private static StatusUpdate decode(Path file, String base64) throws IOException {
    try {
      AgentStatusUpdate record = AgentStatusUpdate.parseFrom(Base64.getDecoder().decode(base64));
      return new StatusUpdate(FrameworkId.of(record.getFrameworkId()), FromProto.taskStatus(record.getStatus()));
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      throw new IOException("an update in " + file + " is corrupt: " + e.getMessage(), e);
    }
  }
}
