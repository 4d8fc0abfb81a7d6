package io.drover.protocol.net;

import io.drover.protocol.v1.Frame;
import io.drover.protocol.v1.PeerRole;

/** One admitted peer of a {@link ProtocolServer}. */
public interface Connection {
  /** Unique for the life of the server process. */
  long id();

  PeerRole role();

  String remoteAddress();

  /** Queues a frame; a closed connection drops it and returns false. */
  boolean send(Frame frame);

  boolean isOpen();

  void close(String reason);
}
