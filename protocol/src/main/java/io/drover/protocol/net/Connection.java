package io.drover.protocol.net;

import io.drover.protocol.v1.Frame;
import io.drover.protocol.v1.PeerRole;
import java.net.InetAddress;
import java.util.Optional;

/** One admitted peer of a {@link ProtocolServer}. */
public interface Connection {
  /** Unique for the life of the server process. */
  long id();

  PeerRole role();

  String remoteAddress();

  /** The peer's IP address, empty when the channel has none (closed before it was known). */
  Optional<InetAddress> remoteHost();

  /** Queues a frame; a closed connection drops it and returns false. */
  boolean send(Frame frame);

  boolean isOpen();

  void close(String reason);
}
