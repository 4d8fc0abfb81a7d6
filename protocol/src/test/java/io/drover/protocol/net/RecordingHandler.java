package io.drover.protocol.net;

import io.drover.protocol.v1.Frame;
import io.drover.protocol.v1.Hello;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers what a server's handler was told. */
final class RecordingHandler implements ConnectionHandler {
  final List<Connection> opened = new CopyOnWriteArrayList<>();
  final List<Frame> frames = new CopyOnWriteArrayList<>();
  final Map<Long, String> closed = new ConcurrentHashMap<>();

  @Override
  public void onOpen(Connection connection, Hello hello) {
    opened.add(connection);
  }

  @Override
  public void onFrame(Connection connection, Frame frame) {
    frames.add(frame);
  }

  @Override
  public void onClose(Connection connection, String reason) {
    closed.put(connection.id(), reason);
  }
}
