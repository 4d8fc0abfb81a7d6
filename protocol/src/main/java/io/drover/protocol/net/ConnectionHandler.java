package io.drover.protocol.net;

import io.drover.protocol.v1.Frame;
import io.drover.protocol.v1.Hello;

/**
 * What a server does with its admitted connections. Calls come on network threads: implementations
 * hand them over to their own thread and return at once.
 */
public interface ConnectionHandler {
  void onOpen(Connection connection, Hello hello);

  /** An application frame (agent or scheduler call); handshake and heartbeat frames never reach here. */
  void onFrame(Connection connection, Frame frame);

  void onClose(Connection connection, String reason);
}
