package io.drover.agent;

import static org.awaitility.Awaitility.await;

import io.drover.core.MasterInfo;
import io.drover.protocol.ToProto;
import io.drover.protocol.net.Connection;
import io.drover.protocol.net.ConnectionHandler;
import io.drover.protocol.net.HandshakePolicy;
import io.drover.protocol.net.ProtocolOptions;
import io.drover.protocol.net.ProtocolServer;
import io.drover.protocol.v1.AgentEvent;
import io.drover.protocol.v1.AgentStatusUpdate;
import io.drover.protocol.v1.Frame;
import io.drover.protocol.v1.Hello;
import io.drover.protocol.v1.RegisterAgent;
import io.drover.protocol.v1.Welcome;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A master reduced to its wire: admits agents, records what they send, and sends what a test tells it to. */
final class FakeMaster implements ConnectionHandler, AutoCloseable {
  final List<Frame> received = new CopyOnWriteArrayList<>();
  final List<Connection> connections = new CopyOnWriteArrayList<>();
  final MasterInfo info;
  private final ProtocolServer server;

  FakeMaster(String id, ProtocolOptions options) throws Exception {
    MasterInfo[] self = new MasterInfo[1];
    server = new ProtocolServer(options, hello -> new HandshakePolicy.Admit(Welcome.newBuilder().setProtocolVersion(ProtocolOptions.PROTOCOL_VERSION).setMaster(ToProto.masterInfo(self[0])).setHeartbeatIntervalMs(options.heartbeatInterval().toMillis()).build()), this);
    InetSocketAddress bound = server.start("127.0.0.1", 0);
    info = new MasterInfo(id, "127.0.0.1", bound.getPort(), 0, 1, "test");
    self[0] = info;
  }

  @Override
  public void onOpen(Connection connection, Hello hello) {
    connections.add(connection);
  }

  @Override
  public void onFrame(Connection connection, Frame frame) {
    received.add(frame);
  }

  @Override
  public void onClose(Connection connection, String reason) {}

  void send(AgentEvent event) {
    Connection agent = connections.get(connections.size() - 1);
    agent.send(Frame.newBuilder().setAgentEvent(event).build());
  }

  List<RegisterAgent> registrations() {
    return received.stream().filter(f -> f.getAgentCall().hasRegister()).map(f -> f.getAgentCall().getRegister()).toList();
  }

  List<AgentStatusUpdate> updates(Predicate<AgentStatusUpdate> which) {
    return received.stream().filter(f -> f.getAgentCall().hasUpdate()).map(f -> f.getAgentCall().getUpdate()).filter(which).toList();
  }

  RegisterAgent awaitRegistration(int count) {
    await().atMost(Duration.ofSeconds(20)).until(() -> registrations().size() >= count);
    return registrations().get(count - 1);
  }

  AgentStatusUpdate awaitUpdate(Predicate<AgentStatusUpdate> which) {
    await().atMost(Duration.ofSeconds(20)).until(() -> !updates(which).isEmpty());
    return updates(which).get(0);
  }

  @Override
  public void close() {
    server.close();
  }
}
