package io.drover.benchmarks.docker;

import io.drover.core.MasterInfo;
import io.drover.protocol.ToProto;
import io.drover.protocol.net.Connection;
import io.drover.protocol.net.ConnectionHandler;
import io.drover.protocol.net.HandshakePolicy;
import io.drover.protocol.net.ProtocolOptions;
import io.drover.protocol.net.ProtocolServer;
import io.drover.protocol.v1.AcknowledgeUpdate;
import io.drover.protocol.v1.AgentEvent;
import io.drover.protocol.v1.AgentRegistered;
import io.drover.protocol.v1.AgentStatusUpdate;
import io.drover.protocol.v1.Frame;
import io.drover.protocol.v1.Hello;
import io.drover.protocol.v1.TaskState;
import io.drover.protocol.v1.Welcome;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A master reduced to its wire, for timing an agent: admits the agent as {@code agent-1}, acknowledges
 * every status update at once (as a framework that keeps up would), and tells who waits for a task's
 * state the moment its update arrives.
 */
final class WireMaster implements ConnectionHandler, AutoCloseable {
  final MasterInfo info;
  private final ProtocolServer server;
  private volatile Connection agent;
  private final CompletableFuture<Void> registered = new CompletableFuture<>();
  private final Map<String, CompletableFuture<AgentStatusUpdate>> awaited = new ConcurrentHashMap<>();

  WireMaster(ProtocolOptions options) throws InterruptedException {
    MasterInfo[] self = new MasterInfo[1];
    server =
        new ProtocolServer(
            options,
            hello ->
                new HandshakePolicy.Admit(
                    Welcome.newBuilder()
                        .setProtocolVersion(ProtocolOptions.PROTOCOL_VERSION)
                        .setMaster(ToProto.masterInfo(self[0]))
                        .setHeartbeatIntervalMs(options.heartbeatInterval().toMillis())
                        .build()),
            this);
    InetSocketAddress bound = server.start("127.0.0.1", 0);
    info = new MasterInfo("bench-master", "127.0.0.1", bound.getPort(), 0, 1, "bench");
    self[0] = info;
  }

  CompletableFuture<Void> registered() {
    return registered;
  }

  /** Completes with the first update of {@code taskId} in {@code state} that arrives after this call. */
  CompletableFuture<AgentStatusUpdate> await(String taskId, TaskState state) {
    CompletableFuture<AgentStatusUpdate> f = new CompletableFuture<>();
    awaited.put(taskId + "/" + state, f);
    return f;
  }

  void send(AgentEvent event) {
    agent.send(Frame.newBuilder().setAgentEvent(event).build());
  }

  @Override
  public void onOpen(Connection connection, Hello hello) {
    agent = connection;
  }

  @Override
  public void onFrame(Connection connection, Frame frame) {
    if (frame.getAgentCall().hasRegister()) {
      send(AgentEvent.newBuilder().setRegistered(AgentRegistered.newBuilder().setAgentId("agent-1")).build());
      registered.complete(null);
    } else if (frame.getAgentCall().hasUpdate()) {
      AgentStatusUpdate update = frame.getAgentCall().getUpdate();
      CompletableFuture<AgentStatusUpdate> waiting = awaited.remove(update.getStatus().getTaskId() + "/" + update.getStatus().getState());
      if (waiting != null) {
        waiting.complete(update);
      }
      send(
          AgentEvent.newBuilder()
              .setAcknowledge(AcknowledgeUpdate.newBuilder().setFrameworkId(update.getFrameworkId()).setTaskId(update.getStatus().getTaskId()).setUuid(update.getStatus().getUuid()))
              .build());
    }
  }

  @Override
  public void onClose(Connection connection, String reason) {}

  @Override
  public void close() {
    server.close();
  }
}
