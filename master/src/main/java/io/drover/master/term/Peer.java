package io.drover.master.term;

import io.drover.protocol.net.Connection;
import io.drover.protocol.v1.Frame;
import java.util.Optional;

/** What the master keeps of every peer, agent or framework: its id, status and current connection. */
abstract class Peer<I, S extends Enum<S>> {
  private final I id;
  private S status;
  private Connection connection;

  Peer(I id, S status) {
    this.id = id;
    this.status = status;
  }

  I id() {
    return id;
  }

  S status() {
    return status;
  }

  void status(S newStatus) {
    status = newStatus;
  }

  Optional<Connection> connection() {
    return Optional.ofNullable(connection);
  }

  void connection(Connection newConnection) {
    connection = newConnection;
  }

  /** Sends if connected; a disconnected peer catches up when it registers or subscribes again. */
  void send(Frame frame) {
    if (connection != null) {
      connection.send(frame);
    }
  }
}
