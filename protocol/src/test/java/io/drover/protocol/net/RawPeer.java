package io.drover.protocol.net;

import io.drover.protocol.v1.Frame;
import io.drover.protocol.v1.Hello;
import io.drover.protocol.v1.PeerRole;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Optional;

/** A peer on a plain socket, to send exactly the bytes a test wants. */
final class RawPeer implements AutoCloseable {
  private final Socket socket;
  private final DataOutputStream out;
  private final DataInputStream in;

  RawPeer(InetSocketAddress address) throws IOException {
    socket = new Socket(address.getHostString(), address.getPort());
    socket.setSoTimeout(10_000);
    out = new DataOutputStream(socket.getOutputStream());
    in = new DataInputStream(socket.getInputStream());
  }

  void send(Frame frame) throws IOException {
    byte[] bytes = frame.toByteArray();
    out.writeInt(bytes.length);
    out.write(bytes);
    out.flush();
  }

  void sendRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  void hello(int version, PeerRole role) throws IOException {
    send(Frame.newBuilder().setHello(Hello.newBuilder().setProtocolVersion(version).setRole(role)).build());
  }

  /** The next frame other than a ping, or empty once the server has closed the connection. */
  Optional<Frame> nextFrame() throws IOException {
    while (true) {
      Optional<Frame> frame = readFrame();
      if (frame.isEmpty() || !frame.get().hasPing()) {
        return frame;
      }
    }
  }

  Optional<Frame> readFrame() throws IOException {
    try {
      int length = in.readInt();
      byte[] bytes = new byte[length];
      in.readFully(bytes);
      return Optional.of(Frame.parseFrom(bytes));
    } catch (EOFException | java.net.SocketException e) {
      return Optional.empty();
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no frame and no close within the socket timeout", e);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
